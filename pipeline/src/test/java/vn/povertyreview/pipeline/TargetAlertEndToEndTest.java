package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.pipeline.targets.TargetImport;

/**
 * The target path end to end: targets imported from CSV through the API, reviews over HTTP, the
 * year closed by an admin, and the alerts and statuses in PostgreSQL within seconds.
 */
class TargetAlertEndToEndTest {

    /** Xã Hà Trung (2025), which absorbed Thị trấn Hà Trung (15271 in 2024). */
    private static final String COMMUNE = "15271";
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    static Pipeline pipeline;
    static ReviewClient client;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = TestPipelines.startEmbedded(dataDir, 3);
        client = new ReviewClient(pipeline.ingestUrl(), pipeline.adminToken());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aCommuneFallingShortOfItsTargetIsAlertedWithinSecondsAndAgainWhenTheClosedYearMissesIt() throws Exception {
        // 2024: 10 households, 4 of them poor. Target for 2025: 2 poor households fewer.
        List<Review> lastYear = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var review = aReview().household("HH-T-" + i).year(2024).inVillage(COMMUNE + "-TK1");
            lastYear.add((i < 4 ? review.poor() : review.notPoor().income(5_000_000L)).build());
        }
        assertThat(client.submit(lastYear).status()).isEqualTo(202);
        TargetImport.Outcome imported = new TargetImport(pipeline.ingestUrl(), pipeline.adminToken(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .importCsv(new StringReader("unitCode,reviewYear,kind,value\n" + COMMUNE + ",2025,HOUSEHOLDS,2\n"));
        assertThat(imported.problems()).isEmpty();

        // 2025: every household reviewed again, still 4 poor: the reduction is behind pace.
        List<Review> thisYear = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var review = aReview().household("HH-T-" + i).year(2025).inVillage(COMMUNE + "-TK1");
            thisYear.add((i < 4 ? review.poor() : review.notPoor().income(5_000_000L)).build());
        }
        assertThat(client.submit(thisYear).status()).isEqualTo(202);
        await("the AT_RISK alert in PostgreSQL").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM target_gap_alert WHERE unit_code = '" + COMMUNE
                        + "' AND review_year = 2025 AND status = 'AT_RISK'") == 1);

        assertThat(close(2025, "38")).isEqualTo(201);
        await("the MISSED alert in PostgreSQL").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM target_gap_alert WHERE unit_code = '" + COMMUNE
                        + "' AND review_year = 2025 AND status = 'MISSED'") == 1);
        await("the final status").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM target_status WHERE unit_code = '" + COMMUNE
                        + "' AND review_year = 2025 AND status = 'MISSED' AND gap_households = 2") == 1);
        assertThat(count("SELECT count(*) FROM target_gap_alert")).as("no other unit has a target").isEqualTo(2);
    }

    private static int close(int reviewYear, String unitCode) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/api/v1/review-years/" + reviewYear + "/closures"))
                .header("Authorization", "Bearer " + pipeline.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"unitCode\":\"" + unitCode + "\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
