package vn.povertyreview.sink.rollup;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.postgresql.PGConnection;

/**
 * The {@code unit_rollup} table. A batch is written with COPY into a session's staging table and
 * one merge from it: wide rows cost one round trip and no per-row binding. The statements are in
 * {@code RollupDao/<method>.sql} beside this interface, with the columns of {@link RollupColumns}
 * defined into them. An instance is bound to the handle it was attached to; use it on that handle's
 * thread, inside a transaction (the staging table is emptied at every commit).
 */
public interface RollupDao extends SqlObject {

    /**
     * Inserts the rows or updates the stored ones that have a lower revision; rows at the same or
     * a lower revision than the stored one change nothing. The rows must have distinct keys: one
     * statement may not touch the same row twice.
     *
     * @return how many rows were inserted or updated
     */
    default int upsert(Iterable<RollupRow> rows) {
        StringBuilder lines = new StringBuilder();
        int count = 0;
        for (RollupRow row : rows) {
            RollupColumns.copyLine(lines, row);
            count++;
        }
        if (count == 0) {
            return 0;
        }
        createIncoming(RollupColumns.LIST);
        try {
            getHandle().getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(RollupColumns.COPY_INCOMING, new StringReader(lines.toString()));
        } catch (SQLException | IOException e) {
            throw new UnableToExecuteStatementException("COPY of " + count + " rollups failed: " + e, e, null);
        }
        return merge(RollupColumns.LIST, RollupColumns.UPDATES);
    }

    /** The first step of {@link #upsert}: creates the session's staging table with these columns, unless it exists. */
    @SqlUpdate
    @UseClasspathSqlLocator
    void createIncoming(@Define("columns") String columns);

    /**
     * The last step of {@link #upsert}: moves the staged rows into the table.
     *
     * @return how many rows were inserted or updated
     */
    @SqlUpdate
    @UseClasspathSqlLocator
    int merge(@Define("columns") String columns, @Define("updates") String updates);
}
