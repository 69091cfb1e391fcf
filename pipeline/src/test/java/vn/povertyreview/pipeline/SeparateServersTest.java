package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.pipeline.demo.ReviewClient;

/**
 * The embedded broker and database as servers of their own ({@code ./poverty broker}, {@code
 * ./poverty database}), so that each can fail alone, and the services reaching them by address.
 */
class SeparateServersTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path brokerDir;
    @TempDir
    Path databaseDir;
    @TempDir
    Path servicesDir;

    @Test
    void theServicesCountAReviewThroughABrokerAndADatabaseRunOnTheirOwn() throws Exception {
        try (Pipeline broker = new Pipeline(TestPipelines.embeddedSettings(brokerDir, 3)).start(Pipeline.Role.BROKER, QUIET);
                Pipeline database = new Pipeline(TestPipelines.embeddedSettings(databaseDir, 3)).start(Pipeline.Role.DATABASE, QUIET)) {
            assertThat(broker.bootstrapServers()).isNotNull();
            assertThat(broker.jdbcUrl()).as("a broker serves no database").isNull();
            assertThat(database.bootstrapServers()).as("a database serves no broker").isNull();

            String token = "adm_separate_servers_test";
            Settings services = TestPipelines.embeddedSettings(servicesDir, 3)
                    .with(Setting.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(Setting.DB_URL, database.jdbcUrl())
                    .with(Setting.INGEST_ADMIN_TOKEN_SHA256, AdminToken.sha256Hex(token));
            try (Pipeline pipeline = TestPipelines.start(services)) {
                ReviewClient client = new ReviewClient(pipeline.ingestUrl(), token);
                assertThat(client.submit(List.of(aReview().household("HH-APART-1").year(2025).inVillage("15271-TK1").poor().build()))
                        .status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> villageHouseholds(pipeline) == 1);
            }
        }
    }

    @Test
    void aBrokerOrDatabaseRunRefusesAnAddressOfAnotherServer() {
        assertThatThrownBy(() -> new Pipeline(TestPipelines.embeddedSettings(brokerDir, 3)
                .with(Setting.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1")).start(Pipeline.Role.BROKER, QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unset kafka.bootstrap.servers");
        assertThatThrownBy(() -> new Pipeline(TestPipelines.embeddedSettings(databaseDir, 3)
                .with(Setting.DB_URL, "jdbc:postgresql://127.0.0.1:1/x")).start(Pipeline.Role.DATABASE, QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unset db.url");
    }

    private static long villageHouseholds(Pipeline pipeline) throws Exception {
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(sum(total_households), 0) FROM unit_rollup"
                        + " WHERE unit_code = '15271-TK1' AND review_year = 2025")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
