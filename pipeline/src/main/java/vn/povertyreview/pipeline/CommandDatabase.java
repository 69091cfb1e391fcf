package vn.povertyreview.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import vn.povertyreview.sink.SinkDatabase;

/**
 * The sink's database as a command line command reaches it: the PostgreSQL of {@code db.url} (as
 * {@code db.user}) or, without it, the embedded one of a running {@code ./poverty run} or
 * {@code ./poverty database} (as its superuser); and how to say where it is. Immutable.
 */
public record CommandDatabase(DataSource dataSource, String where) {

    public static CommandDatabase of(Settings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        if (settings.isSet(Setting.DB_URL)) {
            dataSource.setUrl(settings.get(Setting.DB_URL));
            dataSource.setUser(settings.get(Setting.DB_USER));
            dataSource.setPassword(settings.get(Setting.DB_PASSWORD));
            return new CommandDatabase(dataSource, settings.get(Setting.DB_URL).replaceAll("\\?.*", ""));
        }
        // The embedded server trusts its superuser on loopback, as the launcher itself connects.
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {settings.getInt(Setting.DB_EMBEDDED_PORT)});
        dataSource.setDatabaseName(Pipeline.DATABASE);
        dataSource.setUser("postgres");
        return new CommandDatabase(dataSource, "jdbc:postgresql://127.0.0.1:" + settings.getInt(Setting.DB_EMBEDDED_PORT) + "/"
                + Pipeline.DATABASE);
    }

    /**
     * The database with its schema brought up to date, so that a command works before the sink has ever run.
     *
     * @throws IllegalStateException when it cannot be reached, saying where it was looked for
     */
    public Jdbi open() {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + where + " (" + e.getMessage() + "): "
                    + "start it with './poverty run' or './poverty database', or give --db.url", e);
        }
        return SinkDatabase.open(dataSource);
    }
}
