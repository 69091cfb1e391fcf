package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.pipeline.demo.ReviewClient;

/**
 * The whole product on a real Kafka broker and a real PostgreSQL: tens of thousands of generated
 * households over two real provinces, in a three-level and a two-level year, submitted over HTTP
 * with re-reviews, moves, duplicates, late arrivals, bad records and withdrawals. Once the pipeline
 * is idle every unit_rollup row must equal a recount of the latest review of every household.
 */
class EndToEndTest {

    private static final String[] PROVINCES = {"38", "40"};
    private static final int HOUSEHOLDS_PER_PROVINCE_AND_YEAR = 13_000;
    private static final int BATCH = 5_000;

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
    void everyRollupRowEqualsARecountOfTheLatestReviewOfEveryHousehold() throws Exception {
        HouseholdGenerator generator = new HouseholdGenerator(AdminMaps.official(), 42);
        Random random = new Random(7);
        Map<String, Review> counted = new LinkedHashMap<>();
        List<Review> uploads = new ArrayList<>();
        List<Review> lateArrivals = new ArrayList<>();
        for (int year : new int[] {2024, 2025}) {
            for (String province : PROVINCES) {
                for (Review first : generator.firstReviews(year, province, HOUSEHOLDS_PER_PROVINCE_AND_YEAR, "E2E-")) {
                    uploads.add(first);
                    Review latest = first;
                    int dice = random.nextInt(100);
                    if (dice < 6) {
                        latest = generator.reReview(first);
                        uploads.add(latest);
                    } else if (dice < 10) {
                        latest = generator.move(first);
                        uploads.add(latest);
                        lateArrivals.add(first); // the superseded review, delivered again late
                    } else if (dice < 13) {
                        uploads.add(first); // the same record twice
                    }
                    counted.put(key(latest), latest);
                }
            }
        }
        int badRecords = 0;
        for (int from = 0; from < uploads.size(); from += BATCH) {
            List<Review> batch = new ArrayList<>(uploads.subList(from, Math.min(uploads.size(), from + BATCH)));
            Review template = batch.get(0);
            batch.add(new Review(null, null, null, "E2E-BAD-" + from, template.reviewYear(), template.reviewedAt(),
                    template.provinceCode(), template.districtCode(), "99999", "T01", template.area(), 3, 100_000L,
                    template.deprivations(), template.classification(), false, false, false, false, false));
            badRecords++;
            ReviewClient.Answer answer = client.submit(batch);
            assertThat(answer.status()).as("upload %d: %s", from, answer.body()).isEqualTo(202);
            assertThat(answer.body().path("rejected")).hasSize(1);
            assertThat(answer.body().path("rejected").get(0).path("errors").get(0).path("rule").asText())
                    .isEqualTo("communeCode.unknown");
        }
        assertThat(client.submit(lateArrivals).status()).isEqualTo(202);
        List<Review> withdrawn = counted.values().stream().filter(r -> random.nextInt(100) < 2).limit(600).toList();
        for (Review review : withdrawn) {
            ReviewClient.Answer answer = client.withdraw(review.reviewYear(), review.householdId(), review.communeCode());
            assertThat(answer.status()).as("withdrawal %s", answer.body()).isEqualTo(202);
            counted.remove(key(review));
        }
        assertThat(counted.size()).isGreaterThan(50_000);
        assertThat(badRecords).isPositive();

        Map<String, long[]> expected = recount(counted.values());
        await("every rollup row equals the recount").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertTableEquals(expected));
        assertMovementsBalanceAndCarryOver();
    }

    /**
     * The movement columns in PostgreSQL: every row balances, every poor household of a year ends
     * it poor, and the nation starts each year with exactly the poor households it ended the last with.
     */
    private static void assertMovementsBalanceAndCarryOver() throws Exception {
        assertThat(queryLong("SELECT count(*) FROM unit_rollup WHERE end_poor IS DISTINCT FROM start_poor - escaped + newly_poor"
                + " + re_poor + poor_moved_in - poor_moved_out - poor_not_yet_reviewed")).as("rows whose poor do not balance").isZero();
        assertThat(queryLong("SELECT count(*) FROM unit_rollup WHERE end_near_poor IS DISTINCT FROM start_near_poor - exited_near_poor"
                + " + newly_near_poor + re_near_poor + near_poor_moved_in - near_poor_moved_out - near_poor_not_yet_reviewed"))
                .as("rows whose near-poor do not balance").isZero();
        assertThat(queryLong("SELECT count(*) FROM unit_rollup WHERE end_poor <> poor_households OR end_near_poor <> near_poor_households"))
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM unit_rollup this JOIN unit_rollup last ON last.unit_code = 'VN'"
                + " AND last.review_year = this.review_year - 1 WHERE this.unit_code = 'VN'"
                + " AND (this.start_poor <> last.poor_households OR this.start_near_poor <> last.near_poor_households)"))
                .as("years whose national start differs from the previous end").isZero();
        assertThat(queryLong("SELECT start_poor FROM unit_rollup WHERE unit_code = 'VN' AND review_year = 2025")).isPositive();
    }

    private static long queryLong(String sql) throws Exception {
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static String key(Review review) {
        return review.reviewYear() + "/" + review.householdId();
    }

    /** From scratch: every counted household adds one to its village, commune, district (before 2025), province and nation. */
    private static Map<String, long[]> recount(Iterable<Review> latestReviews) {
        Map<String, long[]> units = new HashMap<>();
        for (Review r : latestReviews) {
            List<String> place = new ArrayList<>(List.of(r.communeCode() + "-" + r.villageCode(), r.communeCode()));
            if (r.districtCode() != null) {
                place.add(r.districtCode());
            }
            place.add(r.provinceCode());
            place.add("VN");
            for (String unit : place) {
                long[] c = units.computeIfAbsent(r.reviewYear() + "/" + unit, u -> new long[3]);
                c[0]++;
                c[1] += r.classification().name().equals("POOR") ? 1 : 0;
                c[2] += r.classification().name().equals("NEAR_POOR") ? 1 : 0;
            }
        }
        return units;
    }

    private static void assertTableEquals(Map<String, long[]> expected) throws Exception {
        Map<String, long[]> rows = new HashMap<>();
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT review_year, unit_code, total_households, poor_households,"
                        + " near_poor_households FROM unit_rollup")) {
            while (rs.next()) {
                rows.put(rs.getInt(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        assertThat(rows.keySet()).as("no unit with counted households is missing").containsAll(expected.keySet());
        Set<String> mismatches = new HashSet<>();
        for (var row : rows.entrySet()) {
            long[] want = expected.getOrDefault(row.getKey(), new long[3]);
            if (!java.util.Arrays.equals(want, row.getValue())) {
                mismatches.add(row.getKey() + " has " + java.util.Arrays.toString(row.getValue()) + ", recount " + java.util.Arrays.toString(want));
            }
        }
        assertThat(mismatches).as("rows that differ from the recount (a unit emptied by moves or withdrawals keeps a zero row)").isEmpty();
    }
}
