package vn.povertyreview.sink;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * The {@code unit_rollup} table. Statements live in {@code RollupDao/<method>.sql} beside this
 * type. An instance is bound to the handle it was attached to; use it on that handle's thread.
 */
@UseClasspathSqlLocator
public interface RollupDao {

    /**
     * Inserts the rows or updates the stored ones that have a lower revision; rows at the same or
     * a lower revision than the stored one change nothing. The rows must have distinct keys: one
     * statement may not touch the same row twice.
     *
     * @return per row, 1 if it was inserted or updated, 0 if it was older than or equal to the stored one
     */
    @SqlBatch
    int[] upsert(@BindMethods Iterable<RollupRow> rows);
}
