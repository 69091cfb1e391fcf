package vn.povertyreview.sink;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.sink.access.AnalystAccounts;

/**
 * The sink's PostgreSQL database: brings its schema up to date with the Flyway migrations in
 * {@code db/migration} and gives the {@link Jdbi} the sink works with.
 *
 * <p>Stateless; safe to call from any thread. Flyway locks the schema history table, so
 * concurrent migrations from several sinks are serialized by the database.
 */
public final class SinkDatabase {

    private static final String MIGRATIONS = "classpath:db/migration";

    private SinkDatabase() {
    }

    /**
     * Migrates the database, brings the analysts' units in line with the maps of this version,
     * then returns a Jdbi on it.
     */
    public static Jdbi open(DataSource dataSource) {
        migrate(dataSource);
        Jdbi jdbi = jdbi(dataSource);
        // A version with other maps changes what a scope covers; the maps are loaded only when needed.
        if (AnalystAccounts.anyIn(jdbi)) {
            new AnalystAccounts(jdbi, AdminMaps.official()).refreshUnits();
        }
        return jdbi;
    }

    /** Applies the migrations that the database does not have yet. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                // A script that does not follow V<n>__<verb>_<object>.sql would be silently ignored.
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /**
     * A pool of at most {@code connections} connections to the database, for the sink's writers:
     * without one, every batch would open a connection (a new server process) and create its
     * session's staging table again. Close it when the sink stops.
     */
    public static HikariDataSource pooled(DataSource dataSource, int connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("poverty-sink");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        // A writer waits at most 5 s for a connection (30 s by default): with the database gone, a
        // write fails soon, so the log and /health say so soon; the writer retries it anyway.
        config.setConnectionTimeout(5_000);
        // The embedded server may still be starting or a real one briefly away: fail on first use, not here.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** A Jdbi with PostgreSQL types and SQL Objects, without touching the schema. */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource)
                .installPlugin(new PostgresPlugin())
                .installPlugin(new SqlObjectPlugin());
    }
}
