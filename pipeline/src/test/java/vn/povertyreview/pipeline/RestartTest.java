package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.pipeline.demo.ReviewClient;

/**
 * Stopping the whole pipeline in the middle of a load and starting it again on the same data loses
 * nothing and counts nothing twice: streams restores its state, the sink resumes from the offsets it
 * stored with its rows, and the same admin token still works.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void countsEveryHouseholdExactlyOnceAcrossARestartInTheMiddleOfALoad() throws Exception {
        List<Review> households = new HouseholdGenerator(AdminMaps.official(), 11).firstReviews(2025, "38", 12_000, "RST-");
        List<Review> firstHalf = households.subList(0, 6_000);
        List<Review> secondHalf = new ArrayList<>(households.subList(6_000, households.size()));
        // The first half again, re-delivered after the restart: duplicates must not count twice.
        secondHalf.addAll(firstHalf.subList(0, 1_000));

        Settings settings = TestPipelines.embeddedSettings(dataDir, 3);
        String token;
        try (Pipeline first = TestPipelines.start(settings)) {
            token = first.adminToken();
            ReviewClient client = new ReviewClient(first.ingestUrl(), token);
            for (int from = 0; from < firstHalf.size(); from += 2_000) {
                assertThat(client.submit(firstHalf.subList(from, from + 2_000)).status()).isEqualTo(202);
            }
        } // stopped at once, without waiting for the rollups to settle

        try (Pipeline second = TestPipelines.start(settings)) {
            assertThat(second.adminToken()).isEqualTo(token);
            ReviewClient client = new ReviewClient(second.ingestUrl(), token);
            for (int from = 0; from < secondHalf.size(); from += 2_000) {
                assertThat(client.submit(secondHalf.subList(from, Math.min(secondHalf.size(), from + 2_000))).status()).isEqualTo(202);
            }
            long poor = households.stream().filter(r -> r.classification() == Classification.POOR).count();
            await("all 12,000 households counted once").atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
                try (Connection connection = second.dataSource().getConnection();
                        Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT total_households, poor_households FROM unit_rollup"
                                + " WHERE review_year = 2025 AND unit_code = '38'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(12_000);
                    assertThat(rs.getLong(2)).isEqualTo(poor);
                }
            });
        }
    }
}
