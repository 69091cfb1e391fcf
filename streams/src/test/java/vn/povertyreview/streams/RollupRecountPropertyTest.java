package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.ReviewOrder;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.testsupport.RealCommunes;

/**
 * Thousands of random sequences of reviews, re-reviews, moves, duplicates, late arrivals and
 * withdrawals over the real communes of two provinces; after each sequence every rollup must equal
 * a recount, from scratch, of the latest review of every household. The recount shares no code
 * with the topology: it keeps every record that arrived and decides afresh which one counts.
 */
class RollupRecountPropertyTest {

    private static final int DRIVERS = 10;
    private static final int SEQUENCES_PER_DRIVER = 100;
    private static final int HOUSEHOLDS = 60;
    /** A commune no generated review uses, so a withdrawal stated for it is always refused. */
    private static final String FOREIGN_COMMUNE = "00001";

    @TempDir
    Path stateRoot;

    @ParameterizedTest(name = "review year {0}")
    @ValueSource(ints = {2024, 2025})
    void everyRollupEqualsARecountAfterEverySequence(int reviewYear) throws Exception {
        List<String> communes = RealCommunes.of(reviewYear, "38", "40");
        assertThat(communes).hasSizeGreaterThan(100);
        long seed = 20251123L + reviewYear;
        Random random = new Random(seed);
        int sequences = 0;
        for (int d = 0; d < DRIVERS; d++) {
            try (RollupHarness pipeline = new RollupHarness(Files.createTempDirectory(stateRoot, "driver"))) {
                Recount recount = new Recount(reviewYear);
                for (int s = 0; s < SEQUENCES_PER_DRIVER; s++) {
                    playSequence(random, pipeline, recount, reviewYear, communes);
                    Map<String, UnitRollup> rollups = pipeline.settle();
                    recount.assertMatches(rollups, "seed " + seed + ", driver " + d + ", sequence " + s);
                    sequences++;
                }
            }
        }
        assertThat(sequences).isEqualTo(DRIVERS * SEQUENCES_PER_DRIVER);
    }

    private static void playSequence(Random random, RollupHarness pipeline, Recount recount, int year, List<String> communes) {
        int events = 3 + random.nextInt(20);
        for (int e = 0; e < events; e++) {
            String household = "HH-" + random.nextInt(HOUSEHOLDS);
            int kind = random.nextInt(100);
            if (kind < 55 || recount.sent.isEmpty()) {
                // a review, a re-review or a move: any commune, any village, any time in a narrow window (ties happen)
                String commune = communes.get(random.nextInt(communes.size()));
                HouseholdReview review = aReview().household(household).year(year)
                        .inVillage(commune + "-T" + random.nextInt(4))
                        .classified(Classification.values()[random.nextInt(3)])
                        .reviewedAt(Instant.parse(year + "-10-01T00:00:00Z").plusSeconds(60L * random.nextInt(30)))
                        .buildAvro();
                pipeline.send(new HouseholdKey(year, household).toString(), review);
                recount.arrived(review);
            } else if (kind < 75) {
                // the same record again, or an older one arriving late
                HouseholdReview again = recount.sent.get(random.nextInt(recount.sent.size()));
                pipeline.send(new HouseholdKey(year, again.getHouseholdId()).toString(), again);
                recount.arrived(again);
            } else if (kind < 90) {
                pipeline.withdraw(year, household);
                recount.withdrawn(household);
            } else if (kind < 95) {
                pipeline.withdraw(year, household, FOREIGN_COMMUNE);
            } else {
                // breaks a rule: a commune code no map has
                HouseholdReview bad = HouseholdReview.newBuilder(aReview().household(household).year(year)
                        .inVillage("15271-T1").buildAvro()).setCommuneCode("99999").build();
                pipeline.send(new HouseholdKey(year, household).toString(), bad);
            }
        }
    }

    /** The independent recount: every arrival kept in order, the counting review chosen afresh each time. */
    private static final class Recount {
        private final int year;
        private final AdminMap map;
        private final List<HouseholdReview> sent = new ArrayList<>();
        private final Map<String, List<Integer>> withdrawals = new HashMap<>();
        private final Map<String, Map<String, Integer>> firstArrival = new HashMap<>();
        private final Map<String, Map<String, HouseholdReview>> reviews = new HashMap<>();
        private int clock;

        Recount(int year) {
            this.year = year;
            this.map = RollupHarness.MAPS.forReviewYear(year);
        }

        void arrived(HouseholdReview review) {
            clock++;
            sent.add(review);
            reviews.computeIfAbsent(review.getHouseholdId(), h -> new HashMap<>()).put(review.getReviewId(), review);
            firstArrival.computeIfAbsent(review.getHouseholdId(), h -> new HashMap<>()).putIfAbsent(review.getReviewId(), clock);
        }

        void withdrawn(String household) {
            clock++;
            withdrawals.computeIfAbsent(household, h -> new ArrayList<>()).add(clock);
        }

        /**
         * A household counts with its latest review (latest review time, then greatest review id)
         * unless a withdrawal arrived after that review first did.
         */
        Map<String, long[]> expected() {
            Map<String, long[]> units = new HashMap<>();
            for (var entry : reviews.entrySet()) {
                HouseholdReview latest = null;
                for (HouseholdReview r : entry.getValue().values()) {
                    if (latest == null || order(r).isAfter(order(latest))) {
                        latest = r;
                    }
                }
                int arrivedAt = firstArrival.get(entry.getKey()).get(latest.getReviewId());
                boolean withdrawnSince = withdrawals.getOrDefault(entry.getKey(), List.of()).stream().anyMatch(w -> w > arrivedAt);
                if (withdrawnSince) {
                    continue;
                }
                List<String> place = new ArrayList<>(List.of(latest.getCommuneCode() + "-" + latest.getVillageCode(), latest.getCommuneCode()));
                if (latest.getDistrictCode() != null) {
                    place.add(latest.getDistrictCode());
                }
                place.add(latest.getProvinceCode());
                place.add("VN");
                for (String unit : place) {
                    long[] counts = units.computeIfAbsent(year + "/" + unit, u -> new long[3]);
                    counts[0]++;
                    counts[1] += latest.getClassification().name().equals("POOR") ? 1 : 0;
                    counts[2] += latest.getClassification().name().equals("NEAR_POOR") ? 1 : 0;
                }
            }
            return units;
        }

        private static ReviewOrder order(HouseholdReview r) {
            return new ReviewOrder(r.getReviewedAt().toEpochMilli(), r.getReviewId());
        }

        void assertMatches(Map<String, UnitRollup> rollups, String where) {
            Map<String, long[]> expected = expected();
            assertThat(rollups.keySet()).as("every unit with a counted household has a rollup (%s)", where)
                    .containsAll(expected.keySet());
            for (var entry : rollups.entrySet()) {
                if (!entry.getKey().startsWith(year + "/")) {
                    continue; // the next year's start figures; the multi-year test checks those
                }
                UnitRollup rollup = entry.getValue();
                long[] counts = expected.getOrDefault(entry.getKey(), new long[3]);
                assertThat(new long[] {rollup.getTotalHouseholds(), rollup.getPoorHouseholds(), rollup.getNearPoorHouseholds()})
                        .as("total, poor, near-poor of %s (%s)", entry.getKey(), where)
                        .containsExactly(counts);
                assertThat(rollup.getPoorRate()).isEqualByComparingTo(Rates.percent(counts[1], counts[0]));
                assertThat(rollup.getNearPoorRate()).isEqualByComparingTo(Rates.percent(counts[2], counts[0]));
                assertThat(rollup.getMapId()).isEqualTo(map.id());
                if (rollup.getLevel().name().equals(UnitLevel.COMMUNE.name())) {
                    assertThat(rollup.getParentCode()).isEqualTo(map.unit(UnitLevel.COMMUNE, rollup.getUnitCode()).orElseThrow().parentCode());
                }
            }
        }
    }
}
