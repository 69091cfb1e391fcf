package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.embedded.LoopbackPorts;
import vn.povertyreview.pipeline.demo.ReviewClient;

/**
 * The all-in-one /health during a PostgreSQL outage: DOWN, naming the sink, once the sink has
 * failed to write for longer than it may, and UP again after the database is back, with nothing lost.
 */
class HealthDuringOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path databaseDir;

    @Test
    void healthIsDownNamingTheSinkWhileItCannotWriteAndUpWhenTheDatabaseIsBack() throws Exception {
        int port = LoopbackPorts.free();
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(databaseDir, port, false);
        database.createDatabaseIfMissing("poverty");
        Settings settings = TestPipelines.embeddedSettings(dataDir, 3)
                .with(Setting.DB_URL, database.jdbcUrl("poverty"))
                .with(Setting.DB_USER, database.user())
                .with(Setting.SINK_HEALTH_WRITE_FAILURE_SECONDS, "2");
        try (Pipeline pipeline = TestPipelines.start(settings)) {
            await("UP").atMost(PATIENCE).until(() -> health(pipeline).path("status").asText().equals("UP"));

            database.close();
            ReviewClient client = new ReviewClient(pipeline.ingestUrl(), pipeline.adminToken());
            assertThat(client.submit(List.of(aReview().household("HH-OUTAGE-1").year(2025).inVillage("15271-TK1").poor().build()))
                    .status()).as("ingest needs Kafka, not PostgreSQL").isEqualTo(202);
            await("DOWN naming the sink").atMost(PATIENCE).until(() -> {
                JsonNode health = health(pipeline);
                return health.path("httpStatus").asInt() == 503 && health.path("status").asText().equals("DOWN")
                        && health.path("reasons").toString().contains("sink: cannot write to PostgreSQL");
            });

            database = EmbeddedPostgresServer.start(databaseDir, port, false);
            await("UP again").atMost(PATIENCE).until(() -> health(pipeline).path("status").asText().equals("UP"));
            EmbeddedPostgresServer back = database;
            await("the review written").atMost(PATIENCE).until(() -> villageHouseholds(back) == 1);
        } finally {
            database.close();
        }
    }

    /** The answer of GET /health, with its HTTP status added as {@code httpStatus}. */
    private static JsonNode health(Pipeline pipeline) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        body.put("httpStatus", response.statusCode());
        return body;
    }

    private static long villageHouseholds(EmbeddedPostgresServer database) throws Exception {
        try (Connection connection = database.dataSource("poverty").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(sum(total_households), 0) FROM unit_rollup"
                        + " WHERE unit_code = '15271-TK1' AND review_year = 2025")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
