package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedPostgresServer;

class SinkDatabaseTest {

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void migrationsCreateTheTablesAndTheAnalystViews() {
        postgres.createDatabaseIfMissing("migrations");
        DataSource dataSource = postgres.dataSource("migrations");

        MigrateResult result = SinkDatabase.migrate(dataSource);

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(3);
        Jdbi jdbi = SinkDatabase.jdbi(dataSource);
        List<String> relations = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
                 ORDER BY table_name""").mapTo(String.class).list());
        assertThat(relations).containsExactly("commune_poverty", "district_poverty", "province_poverty", "sink_offset", "unit_rollup");
    }

    @Test
    void migratingAnUpToDateDatabaseChangesNothing() {
        postgres.createDatabaseIfMissing("twice");
        DataSource dataSource = postgres.dataSource("twice");
        SinkDatabase.migrate(dataSource);

        assertThat(SinkDatabase.migrate(dataSource).migrationsExecuted).isZero();
    }

    @Test
    void tablesCarryCommentsInVietnameseAndEnglish() {
        Jdbi jdbi = TestDatabases.fresh(postgres);

        String comment = jdbi.withHandle(handle -> handle
                .createQuery("SELECT obj_description('unit_rollup'::regclass, 'pg_class')").mapTo(String.class).one());

        assertThat(comment).contains("hộ nghèo").contains("poor");
    }
}
