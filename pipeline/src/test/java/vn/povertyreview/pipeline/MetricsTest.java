package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.embedded.LoopbackPorts;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.pipeline.status.StatusCommand;

/**
 * The metrics of every service on a real Kafka broker and a real PostgreSQL, run as {@code ./poverty
 * run} runs them: ingest's requests and records, Streams' processing, lag and state, the sink's rows
 * and lag, the JVM's; on ingest's port and on the health port; and {@code ./poverty status} reading them.
 */
class MetricsTest {

    private static final int HOUSEHOLDS = 40;

    @TempDir
    static Path dataDir;
    static Pipeline pipeline;
    static HealthEndpoint healthEndpoint;
    static String healthUrl;
    static ReviewClient client;

    @BeforeAll
    static void startPipeline() throws Exception {
        int healthPort = LoopbackPorts.free();
        Settings settings = TestPipelines.embeddedSettings(dataDir, 2).with(Setting.HEALTH_PORT, Integer.toString(healthPort));
        pipeline = TestPipelines.start(settings);
        healthEndpoint = new HealthEndpoint(healthPort, pipeline::health, pipeline::metrics);
        healthUrl = "http://127.0.0.1:" + healthPort;
        client = new ReviewClient(pipeline.ingestUrl(), pipeline.adminToken());
    }

    @AfterAll
    static void stopPipeline() {
        if (healthEndpoint != null) {
            healthEndpoint.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** Submits generated households and one record of a commune that does not exist; returns how many were accepted. */
    private static int submitWithOneBadRecord(String prefix) throws Exception {
        List<Review> reviews = new ArrayList<>(new HouseholdGenerator(AdminMaps.official(), prefix.hashCode())
                .firstReviews(2025, "38", HOUSEHOLDS, prefix));
        Review template = reviews.get(0);
        reviews.add(new Review(null, null, null, prefix + "BAD", template.reviewYear(), template.reviewedAt(),
                template.provinceCode(), template.districtCode(), "99999", "T01", template.area(), 3, 100_000L,
                template.deprivations(), template.classification(), false, false, false, false, false));
        ReviewClient.Answer answer = client.submit(reviews);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        assertThat(answer.body().path("rejected")).hasSize(1);
        assertThat(answer.body().at("/rejected/0/errors/0/rule").asText()).isEqualTo("communeCode.unknown");
        return answer.body().path("accepted").asInt();
    }

    @Test
    void ingestCountsAcceptedRecordsRejectedRecordsByRuleAndRequestsByRouteTemplateAndStatus() throws Exception {
        MetricText before = MetricText.read(pipeline.ingestUrl());
        int accepted = submitWithOneBadRecord("MET-I-");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pipeline.ingestUrl() + "/api/v1/reviewers/no-such-token-id")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        MetricText after = MetricText.read(pipeline.ingestUrl());

        assertThat(accepted).isEqualTo(HOUSEHOLDS);
        assertThat(after.valueOrZero("poverty_ingest_accepted_records_total") - before.valueOrZero("poverty_ingest_accepted_records_total"))
                .isEqualTo(HOUSEHOLDS);
        assertThat(after.valueOrZero("poverty_ingest_rejected_records_total") - before.valueOrZero("poverty_ingest_rejected_records_total"))
                .isEqualTo(1);
        String rule = "rule=\"communeCode.unknown\"";
        assertThat(after.valueOrZero("poverty_ingest_rule_violations_total", rule)
                - before.valueOrZero("poverty_ingest_rule_violations_total", rule)).isEqualTo(1);
        String[] submitted = {"route=\"/api/v1/reviews\"", "method=\"POST\"", "status=\"202\""};
        assertThat(after.valueOrZero("poverty_ingest_requests_seconds_count", submitted)
                - before.valueOrZero("poverty_ingest_requests_seconds_count", submitted)).isEqualTo(1);
        assertThat(after.valueOrZero("poverty_ingest_requests_seconds_sum", submitted)).isPositive();
        assertThat(after.value("poverty_ingest_requests_seconds_bucket", submitted)).as("latency histogram").isPresent();
        assertThat(after.value("poverty_ingest_requests_seconds_count", "route=\"/api/v1/reviewers/{tokenId}\"",
                "method=\"DELETE\"", "status=\"401\"")).hasValue(1);
        assertThat(after.text()).as("a raw path is never a route").doesNotContain("no-such-token-id");
    }

    @Test
    void streamsCountsProcessedRecordsAndShowsLagPerInputTopicItsStateRestoresAndBalanceViolations() throws Exception {
        submitWithOneBadRecord("MET-S-");

        await("records processed").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(MetricText.read(pipeline.ingestUrl()).valueOrZero("poverty_streams_processed_records_total"))
                        .isGreaterThanOrEqualTo(HOUSEHOLDS + 1));
        await("input read to its end").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(MetricText.read(pipeline.ingestUrl()).value("poverty_streams_input_lag_records",
                        "topic=\"household-reviews\"")).hasValue(0));
        MetricText metrics = MetricText.read(pipeline.ingestUrl());
        for (String topic : List.of("household-reviews", "admin-units", "reduction-targets", "review-year-closures")) {
            assertThat(metrics.value("poverty_streams_input_lag_records", "topic=\"" + topic + "\"")).as(topic).isPresent();
        }
        assertThat(metrics.text().lines().filter(line -> line.startsWith("poverty_streams_input_lag_records")))
                .as("no lag of internal topics").noneMatch(line -> line.contains("repartition"));
        assertThat(metrics.value("poverty_streams_state", "state=\"RUNNING\"")).hasValue(1);
        assertThat(metrics.value("poverty_streams_state", "state=\"ERROR\"")).hasValue(0);
        assertThat(metrics.value("poverty_streams_movement_balance_violations_total")).hasValue(0);
        assertThat(metrics.value("poverty_streams_restore_partitions")).hasValue(0);
        assertThat(metrics.value("poverty_streams_restore_remaining_records")).hasValue(0);
        assertThat(metrics.value("poverty_streams_restored_records_total")).isPresent();
        assertThat(metrics.value("kafka_stream_thread_process_total")).as("Kafka Streams' own metrics").isPresent();
    }

    @Test
    void sinkCountsRowsWrittenPerTableBatchLatencyAndLagBehindItsTopics() throws Exception {
        submitWithOneBadRecord("MET-K-");

        await("rollups written").atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            long rows = queryLong("SELECT count(*) FROM unit_rollup");
            assertThat(rows).isPositive();
            assertThat(MetricText.read(pipeline.ingestUrl()).valueOrZero("poverty_sink_written_rows_total", "table=\"unit_rollup\""))
                    .as("every row in unit_rollup was written at least once").isGreaterThanOrEqualTo(rows);
        });
        await("sink caught up").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(MetricText.read(pipeline.ingestUrl()).value("poverty_sink_lag_records", "topic=\"unit-rollups\""))
                        .hasValue(0));
        await("audit events written").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(MetricText.read(pipeline.ingestUrl()).valueOrZero("poverty_sink_written_rows_total", "table=\"audit_event\""))
                        .as("the uploads' audit events, counted as written").isEqualTo(queryLong("SELECT count(*) FROM audit_event"))
                        .isPositive());
        MetricText metrics = MetricText.read(pipeline.ingestUrl());
        for (String table : List.of("unit_rollup", "classification_disagreement", "target_status", "target_gap_alert", "audit_event")) {
            assertThat(metrics.value("poverty_sink_written_rows_total", "table=\"" + table + "\"")).as(table).isPresent();
        }
        for (String topic : List.of("unit-rollups", "classification-disagreements", "target-statuses", "target-gap-alerts",
                "audit-events")) {
            assertThat(metrics.value("poverty_sink_lag_records", "topic=\"" + topic + "\"")).as(topic).isPresent();
        }
        assertThat(metrics.valueOrZero("poverty_sink_batch_seconds_count")).isPositive();
        assertThat(metrics.value("poverty_sink_batch_seconds_bucket")).as("latency histogram").isPresent();
    }

    @Test
    void theHealthPortServesEveryServicesMetricsAndTheJvms() throws Exception {
        MetricText metrics = MetricText.read(healthUrl);

        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.value("jvm_memory_used_bytes")).isPresent();
        assertThat(metrics.value("jvm_threads_live_threads")).isPresent();
        assertThat(metrics.value("jvm_classes_loaded_classes")).isPresent();
        assertThat(metrics.value("process_uptime_seconds")).isPresent();
        assertThat(metrics.text()).contains("poverty_ingest_", "poverty_streams_", "poverty_sink_", "jvm_gc_");
    }

    @Test
    void statusPrintsEachStagesLagAndRate() throws Exception {
        submitWithOneBadRecord("MET-T-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new StatusCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--url=" + pipeline.ingestUrl(), "--interval-ms=200"), Map.of());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.lines()).hasSize(3);
        assertThat(printed).contains("Ingest ", "requests/min", "records accepted", "rejected");
        assertThat(printed).contains("Streams  RUNNING", "records processed", "input lag ", "household-reviews ");
        assertThat(printed).contains("Sink ", "rows written", "lag audit-events ", "classification-disagreements ", "unit-rollups ");
        assertThat(printed).doesNotContain("not served here", "NaN");
    }

    @Test
    void statusOfTheHealthPortSettingReadsTheSameProcess() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new StatusCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(List.of("--health.port=" + URI.create(healthUrl).getPort(), "--interval-ms=100"), Map.of());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Streams  RUNNING").doesNotContain("not served here");
    }

    @Test
    void statusSaysInBothLanguagesWhenNothingAnswers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String nowhere = "http://127.0.0.1:" + LoopbackPorts.free();

        int status = new StatusCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--url=" + nowhere), Map.of());

        assertThat(status).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lỗi: không có dịch vụ nào trả lời ở " + nowhere + "/metrics",
                "error: nothing answers at " + nowhere + "/metrics", "./poverty run");
    }

    @Test
    void theReadmeDocumentsEveryMetricOfOurOwn() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> names = MetricText.read(healthUrl).text().lines().filter(line -> line.startsWith("poverty_"))
                .map(line -> line.split("[{ ]")[0]).distinct().toList();

        assertThat(names).hasSizeGreaterThan(10);
        assertThat(names).allSatisfy(name -> assertThat(readme)
                .contains("| `" + name.replaceFirst("_(bucket|count|sum|max)$", "") + "` |"));
    }

    private static long queryLong(String sql) throws Exception {
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
