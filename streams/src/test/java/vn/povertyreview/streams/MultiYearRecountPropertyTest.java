package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.standard.PovertyStandard;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.testsupport.ReviewBuilder;
import vn.povertyreview.testsupport.RealCommunes;

/**
 * Random sequences of reviews of 2024, 2025 and 2026 (three-level map, then two-level: across the
 * 2025 reform) over real communes of Thanh Hóa (38) and Nghệ An (40), sent in random year order,
 * re-reviewed, moved between villages, communes and provinces, re-delivered, arriving late and
 * withdrawn. After every sequence every figure and measure of every rollup of every year (the
 * movement reaches the year after the last review, 2027) must equal a recount from scratch, the
 * movement must balance everywhere, and the disagreement listing must be the recount's.
 *
 * <p>The recount shares no code with the pipeline's counting: it keeps every record that arrived,
 * decides afresh which review of each household and year counts, and writes out the review
 * figures, the movement rules of the {@code Movements} javadoc (start path, successors, primary
 * successor across the reform), the start-of-year baselines on that start path and the measures
 * itself. It reads only data from the domain: the
 * maps, the merge list's successors and primary successor, and the standard's lines, band and
 * indicators. 2027, the first year of the next standard (other lines, no average-living band), is
 * reviewed too, so that a household can stay newly escaped for the third review after its escape.
 */
class MultiYearRecountPropertyTest {

    /** Three consecutive years across the 2025 reform, and 2027, the first year of the next standard. */
    private static final int[] YEARS = {2024, 2025, 2026, 2027};
    private static final int REFORM_YEAR = 2025;
    /** Movement figures are sent up to the last supported review year. */
    private static final int LAST_YEAR = 2030;
    private static final int SEQUENCES = 36;
    private static final int HOUSEHOLDS = 50;
    private static final int DEPRIVATION_CUTOFF = 3;
    private static final String[] VILLAGES = {"T1", "T2", "TK3", "XOM4"};
    /** A commune no generated review uses, so a withdrawal stated for it is always refused. */
    private static final String FOREIGN_COMMUNE = "00001";

    private static final AdminMaps MAPS = RollupHarness.MAPS;
    private static final AdminSuccession SUCCESSION = AdminSuccession.official(MAPS);
    private static final PovertyStandards STANDARDS = PovertyStandards.official();

    /** Bỉm Sơn (381) and Hà Trung (392, with the split communes 15271 and 15328) of Thanh Hóa; Hưng Nguyên (431) of Nghệ An. */
    private static final Set<String> OLD_DISTRICTS = Set.of("381", "392", "431");
    /** Communes split between several 2025 communes: two of Thanh Hóa city (14770 into three), two of Nghệ An. */
    private static final Set<String> OLD_EXTRA_COMMUNES = Set.of("14770", "14758", "17899", "17647");
    /** 2024 communes most households live in (45). */
    private static final List<String> OLD_COMMUNES = new ArrayList<>();
    /** 2025+ communes most households live in: every successor of those, and a few others. */
    private static final List<String> NEW_COMMUNES = new ArrayList<>();
    /** Every commune of the two provinces, for the occasional household from further away. */
    private static final Map<Integer, List<String>> ALL_COMMUNES = new HashMap<>();

    static {
        AdminMap before = MAPS.forReviewYear(REFORM_YEAR - 1);
        for (String commune : RealCommunes.of(REFORM_YEAR - 1, "38", "40")) {
            String district = before.unit(UnitLevel.COMMUNE, commune).orElseThrow().parentCode();
            if (OLD_DISTRICTS.contains(district) || OLD_EXTRA_COMMUNES.contains(commune)) {
                OLD_COMMUNES.add(commune);
            }
        }
        Set<String> successors = new LinkedHashSet<>();
        for (String commune : OLD_COMMUNES) {
            successors.addAll(SUCCESSION.successors(commune));
        }
        List<String> newCommunes = RealCommunes.of(REFORM_YEAR, "38", "40");
        successors.add(newCommunes.get(7));
        successors.add(newCommunes.get(newCommunes.size() - 5));
        NEW_COMMUNES.addAll(successors);
        for (int year : YEARS) {
            ALL_COMMUNES.put(year, RealCommunes.of(year, "38", "40"));
        }
    }

    @TempDir
    Path stateRoot;

    private int reviewIds;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20260101L, 20260202L, 20260303L, 20260404L, 20260505L, 20260606L})
    void everyFigureAndMeasureOfEveryYearEqualsARecountAfterEverySequence(long seed) throws Exception {
        assertThat(OLD_COMMUNES).hasSizeGreaterThan(40);
        assertThat(NEW_COMMUNES).hasSizeGreaterThan(10).contains("15271", "15286");
        Random random = new Random(seed);
        Households households = new Households(random);
        Recount recount = new Recount();
        Coverage coverage = new Coverage();
        int operations = 0;
        try (RollupHarness pipeline = new RollupHarness(Files.createTempDirectory(stateRoot, "driver"))) {
            for (int s = 0; s < SEQUENCES; s++) {
                List<String> played = playSequence(random, pipeline, recount, households);
                operations += played.size();
                Map<String, UnitRollup> rollups = pipeline.settle();
                String where = "seed " + seed + ", sequence " + s;
                Expected expected = recount.expected();
                List<String> differences = new ArrayList<>();
                compareRollups(rollups, expected, differences);
                checkNationStartsWithLastYearsFinal(rollups, differences);
                compareDisagreements(pipeline.disagreements(), expected.disagreements, differences);
                assertThat(firstOf(differences))
                        .as("%s: rollups and disagreements against the recount; operations of the sequence:%n  %s",
                                where, String.join("\n  ", played))
                        .isEmpty();
                assertThat(pipeline.balanceViolations()).as("balance violations counted by the pipeline (%s)", where).isZero();
                coverage.add(expected, rollups);
            }
        }
        assertThat(operations).as("operations of seed %d", seed).isGreaterThan(SEQUENCES * 15);
        coverage.assertExercised("seed " + seed);
    }

    /**
     * Rates round half up at their fourth decimal and ratios at their sixth, which takes a unit of
     * 128 households to show (1/128 = 0.78125 %): too many for the random sequences, so one
     * crowded village of 2026, checked against the same recount (and its 2027 start).
     */
    @Test
    void ratesAndRatiosRoundHalfUpInACrowdedVillage() throws Exception {
        Recount recount = new Recount();
        List<String> played = new ArrayList<>();
        try (RollupHarness pipeline = new RollupHarness(Files.createTempDirectory(stateRoot, "crowd"))) {
            for (int h = 0; h < 128; h++) {
                ReviewBuilder review = aReview().household("CROWD-" + h).year(2026).inVillage("15271-T1")
                        .reviewId(String.format("C%03d", h)).reviewedAt("2026-10-01T00:00:00Z")
                        .ethnicMinority().income(null).deprivedIn();
                if (h == 0) {
                    review.poor().deprivedIn(Indicator.EMPLOYMENT, Indicator.NUTRITION, Indicator.TELECOM);
                } else {
                    review.notPoor();
                }
                send(pipeline, recount, played, "crowd", review.buildAvro());
            }
            Map<String, UnitRollup> rollups = pipeline.settle();
            Expected expected = recount.expected();
            List<String> differences = new ArrayList<>();
            compareRollups(rollups, expected, differences);
            compareDisagreements(pipeline.disagreements(), expected.disagreements(), differences);
            assertThat(firstOf(differences)).as("the crowded village against the recount").isEmpty();
            Map<String, String> measures = RollupValues.measures(pipeline.rollup(2026, "15271-T1"));
            assertThat(measures).containsEntry("POOR_RATE", "0.7813")
                    .containsEntry("ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY", "0.7813")
                    .containsEntry("MULTIDIMENSIONAL_HEADCOUNT_RATIO", "0.007813")
                    .containsEntry("MULTIDIMENSIONAL_INTENSITY", "0.250000");
            assertThat(RollupValues.figures(pipeline.rollup(2027, "15271"))).containsEntry("START_POOR", 1L)
                    .containsEntry("POOR_NOT_YET_REVIEWED", 1L).doesNotContainKey("AVERAGE_LIVING")
                    .containsEntry("START_HOUSEHOLDS", 128L).containsEntry("START_ETHNIC_MINORITY_POOR", 1L);
            assertThat(pipeline.balanceViolations()).isZero();
        }
    }

    // ---------------------------------------------------------------- generation

    /** Where each household lives, so that most reviews find it at home and some find it moved. */
    private static final class Households {
        private final String[] home2024 = new String[HOUSEHOLDS];
        private final String[] homeLater = new String[HOUSEHOLDS];

        Households(Random random) {
            for (int h = 0; h < HOUSEHOLDS; h++) {
                String commune = pick(random, OLD_COMMUNES);
                String village = VILLAGES[random.nextInt(VILLAGES.length)];
                home2024[h] = commune + "-" + village;
                homeLater[h] = pick(random, SUCCESSION.successors(commune)) + "-" + village;
            }
        }

        /** A village unit code for a review of the household in the year. */
        String placeFor(Random random, int household, int year) {
            String[] homes = year < REFORM_YEAR ? home2024 : homeLater;
            String home = homes[household];
            String commune = home.substring(0, home.indexOf('-'));
            int r = random.nextInt(100);
            String place;
            if (r < 60) {
                place = home;
            } else if (r < 72) {
                place = commune + "-" + VILLAGES[random.nextInt(VILLAGES.length)];
            } else if (r < 93) {
                place = pick(random, year < REFORM_YEAR ? OLD_COMMUNES : NEW_COMMUNES) + "-" + VILLAGES[random.nextInt(VILLAGES.length)];
            } else {
                place = pick(random, ALL_COMMUNES.get(year)) + "-" + VILLAGES[random.nextInt(VILLAGES.length)];
            }
            if (random.nextInt(10) == 0) {
                homes[household] = place; // moved for good
            }
            return place;
        }
    }

    private List<String> playSequence(Random random, RollupHarness pipeline, Recount recount, Households households) {
        List<String> played = new ArrayList<>();
        int events = 10 + random.nextInt(30);
        for (int e = 0; e < events; e++) {
            int household = random.nextInt(HOUSEHOLDS);
            String id = householdId(household);
            int year = YEARS[random.nextInt(YEARS.length)];
            HouseholdReview latest = recount.latestSent(id, year);
            int kind = random.nextInt(100);
            if (kind < 36 || latest == null && kind < 72) {
                send(pipeline, recount, played, "review", freshReview(random, households, household, year, freshTime(random, year)));
            } else if (kind < 48) {
                // a correction: reviewed later, often at the same place
                Instant at = latest.getReviewedAt().plusSeconds(60L * (1 + random.nextInt(30)));
                HouseholdReview correction = random.nextBoolean()
                        ? review(random, id, year, latest.getCommuneCode() + "-" + latest.getVillageCode(), at)
                        : freshReview(random, households, household, year, at);
                send(pipeline, recount, played, "correction", correction);
            } else if (kind < 56) {
                // a review older than the latest, arriving after it
                Instant at = latest.getReviewedAt().minusSeconds(60L * (1 + random.nextInt(30)));
                send(pipeline, recount, played, "older", freshReview(random, households, household, year, at));
            } else if (kind < 68) {
                // a record sent before, again: a duplicate, or a late arrival if something newer came since
                send(pipeline, recount, played, "again", recount.sent.get(random.nextInt(recount.sent.size())));
            } else if (kind < 78) {
                pipeline.withdraw(year, id);
                recount.withdrawn(id, year, null);
                played.add("withdraw " + year + "/" + id);
            } else if (kind < 84) {
                // a withdrawal stated for the commune of the latest review, or for a random one of its year
                String commune = latest != null && random.nextInt(4) > 0 ? latest.getCommuneCode() : pick(random, ALL_COMMUNES.get(year));
                pipeline.withdraw(year, id, commune);
                recount.withdrawn(id, year, commune);
                played.add("withdraw " + year + "/" + id + " stated " + commune);
            } else if (kind < 88) {
                pipeline.withdraw(year, id, FOREIGN_COMMUNE);
                played.add("withdraw " + year + "/" + id + " stated " + FOREIGN_COMMUNE + " (refused)");
            } else if (kind < 91) {
                // breaks a rule: a commune code no map has
                HouseholdReview bad = HouseholdReview.newBuilder(review(random, id, year, pick(random, ALL_COMMUNES.get(year)) + "-T1",
                        freshTime(random, year))).setCommuneCode("99999").build();
                pipeline.send(new HouseholdKey(year, id).toString(), bad);
                played.add("rejected " + describe(bad));
            } else {
                // the household's years at once, in random order (a 2024 review after the 2025 and 2026 ones)
                List<Integer> years = new ArrayList<>();
                for (int y : YEARS) {
                    years.add(y);
                }
                Collections.shuffle(years, random);
                for (int y : years) {
                    send(pipeline, recount, played, "history", freshReview(random, households, household, y, freshTime(random, y)));
                }
            }
        }
        return played;
    }

    private static void send(RollupHarness pipeline, Recount recount, List<String> played, String what, HouseholdReview review) {
        pipeline.send(new HouseholdKey(review.getReviewYear(), review.getHouseholdId()).toString(), review);
        recount.arrived(review);
        played.add(what + " " + describe(review));
    }

    private static String describe(HouseholdReview r) {
        return r.getReviewYear() + "/" + r.getHouseholdId() + " " + r.getReviewId() + " at " + r.getReviewedAt() + " in "
                + r.getCommuneCode() + "-" + r.getVillageCode() + " " + r.getClassification() + " " + r.getArea()
                + " income " + r.getIncomePerCapitaMonthlyVnd() + " deprived " + r.getDeprivations()
                + (r.getEthnicMinority() ? " EM" : "") + (r.getMeritFamily() ? " merit" : "")
                + (r.getSocialProtection() ? " social" : "") + (r.getNoLaborCapacity() ? " noLabour" : "")
                + (r.getAgricultureForestryFishery() ? " agri" : "");
    }

    private static String householdId(int household) {
        return "HH-" + household;
    }

    /** Mostly in a narrow window of the review season (so that review times tie), sometimes months later. */
    private static Instant freshTime(Random random, int year) {
        Instant season = Instant.parse(year + "-10-01T00:00:00Z").plusSeconds(60L * random.nextInt(40));
        return random.nextInt(10) == 0 ? season.plus(Duration.ofDays(100 + random.nextInt(300))) : season;
    }

    private HouseholdReview freshReview(Random random, Households households, int household, int year, Instant reviewedAt) {
        return review(random, householdId(household), year, households.placeFor(random, household, year), reviewedAt);
    }

    private HouseholdReview review(Random random, String household, int year, String villageUnitCode, Instant reviewedAt) {
        Area area = random.nextInt(3) == 0 ? Area.URBAN : Area.RURAL;
        // review ids sort in no relation to their order of arrival, so that ties of review time go either way
        ReviewBuilder review = aReview().household(household).year(year).inVillage(villageUnitCode)
                .reviewId(String.format("R%03d-%d", random.nextInt(1000), ++reviewIds))
                .reviewedAt(reviewedAt)
                .classified(Classification.values()[random.nextInt(3)])
                .members(1 + random.nextInt(8))
                .income(income(random, year, area))
                .deprivedIn(deprivations(random));
        if (area == Area.URBAN) {
            review.urban();
        }
        if (random.nextInt(4) == 0) {
            review.ethnicMinority();
        }
        if (random.nextInt(5) == 0) {
            review.meritFamily();
        }
        if (random.nextInt(4) == 0) {
            review.socialProtection();
        }
        if (random.nextInt(5) == 0) {
            review.noLaborCapacity();
        }
        if (random.nextInt(2) == 0) {
            review.agricultureForestryFishery();
        }
        return review.buildAvro();
    }

    /** Around the poverty line and the average-living band, exactly on them, or unknown. */
    private static Long income(Random random, int year, Area area) {
        PovertyStandard standard = STANDARDS.forReviewYear(year);
        long line = standard.povertyLine(area);
        // where the standard sets no average-living band (2027+), half the line above it is still "around the line"
        long upper = standard.hasAverageLivingBand() ? standard.averageLivingUpperLines().get(area) : line + line / 2;
        return switch (random.nextInt(12)) {
            case 0, 1 -> null;
            case 2 -> line;
            case 3 -> line + 1;
            case 4 -> line - 1;
            case 5 -> upper;
            case 6 -> upper + 1;
            case 7 -> 0L;
            case 8, 9 -> line - random.nextInt(600_000);
            case 10 -> line + 1 + random.nextInt((int) (upper - line));
            default -> upper + random.nextInt(1_500_000);
        };
    }

    private static Indicator[] deprivations(Random random) {
        List<Indicator> all = new ArrayList<>(List.of(Indicator.values()));
        Collections.shuffle(all, random);
        return all.subList(0, random.nextInt(7)).toArray(new Indicator[0]);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    // ---------------------------------------------------------------- the independent recount

    private record Arrival(HouseholdReview review, int clock) {
    }

    private record Withdrawal(int clock, String statedCommune) {
    }

    /** What the recount expects: figures by {@code <year>/<unit>} and figure name, disagreements by {@code <year>/<household>}. */
    private record Expected(Map<String, Map<String, Long>> figures, Map<String, HouseholdReview> disagreements,
            int escapesTwoYearsBack, int tiesOnReviewTime, int withdrawnYears) {
    }

    /** Every arrival kept in order; the counting review of each household and year chosen afresh each time. */
    private static final class Recount {
        private final List<HouseholdReview> sent = new ArrayList<>();
        private final Map<String, List<Arrival>> arrivals = new TreeMap<>();
        private final Map<String, List<Withdrawal>> withdrawals = new HashMap<>();
        private final Set<String> households = new TreeSet<>();
        private int clock;

        void arrived(HouseholdReview review) {
            clock++;
            sent.add(review);
            households.add(review.getHouseholdId());
            arrivals.computeIfAbsent(review.getReviewYear() + "/" + review.getHouseholdId(), k -> new ArrayList<>())
                    .add(new Arrival(review, clock));
        }

        void withdrawn(String household, int year, String statedCommune) {
            clock++;
            withdrawals.computeIfAbsent(year + "/" + household, k -> new ArrayList<>()).add(new Withdrawal(clock, statedCommune));
        }

        /** The latest review sent for the household and year, counted or not; null when none was. */
        HouseholdReview latestSent(String household, int year) {
            List<Arrival> all = arrivals.get(year + "/" + household);
            if (all == null) {
                return null;
            }
            HouseholdReview latest = null;
            for (Arrival arrival : all) {
                if (latest == null || later(arrival.review(), latest)) {
                    latest = arrival.review();
                }
            }
            return latest;
        }

        /**
         * The review that counts: the latest (review time, then review id), unless a withdrawal
         * arrived after it first did and was for its commune (or named none).
         */
        HouseholdReview counted(String household, int year) {
            HouseholdReview latest = latestSent(household, year);
            if (latest == null) {
                return null;
            }
            int firstArrival = Integer.MAX_VALUE;
            for (Arrival arrival : arrivals.get(year + "/" + household)) {
                if (arrival.review().getReviewId().equals(latest.getReviewId())) {
                    firstArrival = Math.min(firstArrival, arrival.clock());
                }
            }
            for (Withdrawal withdrawal : withdrawals.getOrDefault(year + "/" + household, List.of())) {
                if (withdrawal.clock() > firstArrival
                        && (withdrawal.statedCommune() == null || withdrawal.statedCommune().equals(latest.getCommuneCode()))) {
                    return null;
                }
            }
            return latest;
        }

        private static boolean later(HouseholdReview a, HouseholdReview b) {
            int byTime = a.getReviewedAt().compareTo(b.getReviewedAt());
            return byTime != 0 ? byTime > 0 : a.getReviewId().compareTo(b.getReviewId()) > 0;
        }

        Expected expected() {
            Map<String, Map<String, Long>> figures = new HashMap<>();
            Map<String, HouseholdReview> disagreements = new HashMap<>();
            int ties = 0;
            int withdrawn = 0;
            int twoYearsBack = 0;
            for (String household : households) {
                Map<Integer, HouseholdReview> counted = new TreeMap<>();
                for (int year : YEARS) {
                    HouseholdReview review = counted(household, year);
                    if (review == null && latestSent(household, year) != null) {
                        withdrawn++;
                    }
                    if (review != null) {
                        for (Arrival arrival : arrivals.get(year + "/" + household)) {
                            if (arrival.review().getReviewedAt().equals(review.getReviewedAt())
                                    && !arrival.review().getReviewId().equals(review.getReviewId())) {
                                ties++;
                                break;
                            }
                        }
                        counted.put(year, review);
                        reviewFigures(review, figures);
                        String standard = standardClass(review);
                        if (standard != null && !standard.equals(review.getClassification().name())) {
                            disagreements.put(year + "/" + household, review);
                        }
                    }
                }
                for (int year = YEARS[0]; year <= LAST_YEAR; year++) {
                    twoYearsBack += movement(counted, year, figures) ? 1 : 0;
                }
            }
            return new Expected(figures, disagreements, twoYearsBack, ties, withdrawn);
        }

        /** What a counted review adds to every unit of its place. */
        private static void reviewFigures(HouseholdReview review, Map<String, Map<String, Long>> figures) {
            int year = review.getReviewYear();
            PovertyStandard standard = STANDARDS.forReviewYear(year);
            String reviewer = review.getClassification().name();
            boolean poor = reviewer.equals("POOR");
            Long income = review.getIncomePerCapitaMonthlyVnd();
            Area area = Area.valueOf(review.getArea().name());
            Map<String, Long> adds = new HashMap<>();
            adds.put("HOUSEHOLDS", 1L);
            if (!reviewer.equals("NOT_POOR")) {
                adds.put(reviewer, 1L);
            }
            if (review.getEthnicMinority()) {
                adds.put("ETHNIC_MINORITY", 1L);
                if (poor) {
                    adds.put("ETHNIC_MINORITY_POOR", 1L);
                }
            }
            if (poor && review.getMeritFamily()) {
                adds.put("POOR_WITH_MERIT", 1L);
            }
            if (poor && review.getSocialProtection()) {
                adds.put("POOR_SOCIAL_PROTECTION", 1L);
            }
            if (poor && review.getNoLaborCapacity()) {
                adds.put("POOR_WITHOUT_LABOUR_CAPACITY", 1L);
            }
            if (reviewer.equals("NOT_POOR") && income != null && !standard.averageLivingUpperLines().isEmpty()
                    && income > standard.povertyLine(area) && income <= standard.averageLivingUpperLines().get(area)) {
                adds.put("AVERAGE_LIVING", 1L);
                if (review.getAgricultureForestryFishery()) {
                    adds.put("AVERAGE_LIVING_AGRICULTURE", 1L);
                }
            }
            int deprivations = deprivationCount(review);
            if (!reviewer.equals("NOT_POOR")) {
                for (var indicator : new TreeSet<>(review.getDeprivations())) {
                    if (standard.indicators().contains(Indicator.valueOf(indicator.name()))) {
                        adds.put(reviewer + "_DEPRIVED_" + indicator.name(), 1L);
                    }
                }
            }
            if (deprivations >= DEPRIVATION_CUTOFF) {
                adds.put("MULTIDIMENSIONALLY_POOR", 1L);
                adds.put("MULTIDIMENSIONAL_DEPRIVATIONS", (long) deprivations);
            }
            String standardClass = standardClass(review);
            if (standardClass == null) {
                adds.put("CLASSIFICATION_UNVERIFIED", 1L);
            } else if (standardClass.equals(reviewer)) {
                adds.put("CLASSIFICATION_AGREES", 1L);
            } else {
                adds.put("REVIEWER_" + reviewer + "_STANDARD_" + standardClass, 1L);
            }
            for (String unit : path(review)) {
                Map<String, Long> counts = figures.computeIfAbsent(year + "/" + unit, k -> new HashMap<>());
                adds.forEach((figure, count) -> counts.merge(figure, count, Long::sum));
            }
        }

        private static int deprivationCount(HouseholdReview review) {
            Set<Indicator> standardIndicators = STANDARDS.forReviewYear(review.getReviewYear()).indicators();
            Set<String> counted = new TreeSet<>();
            for (var indicator : review.getDeprivations()) {
                if (standardIndicators.contains(Indicator.valueOf(indicator.name()))) {
                    counted.add(indicator.name());
                }
            }
            return counted.size();
        }

        /** The class the standard gives: null without income, NOT_POOR above the line, else by the deprivations. */
        private static String standardClass(HouseholdReview review) {
            Long income = review.getIncomePerCapitaMonthlyVnd();
            if (income == null) {
                return null;
            }
            long line = STANDARDS.forReviewYear(review.getReviewYear()).povertyLine(Area.valueOf(review.getArea().name()));
            if (income > line) {
                return "NOT_POOR";
            }
            return deprivationCount(review) >= DEPRIVATION_CUTOFF ? "POOR" : "NEAR_POOR";
        }

        /** Village, commune, district (three-level years), province, nation, as the review states them. */
        private static List<String> path(HouseholdReview review) {
            List<String> units = new ArrayList<>(5);
            units.add(review.getCommuneCode() + "-" + review.getVillageCode());
            units.add(review.getCommuneCode());
            if (review.getReviewYear() < REFORM_YEAR) {
                units.add(Objects.requireNonNull(review.getDistrictCode(), "district of a three-level year"));
            }
            units.add(review.getProvinceCode());
            units.add("VN");
            return units;
        }

        /** A 2024 household whose 2025 place is unknown (or not in a successor) starts 2025 in its commune's primary successor. */
        private static List<String> attributedPath(HouseholdReview old) {
            String commune = SUCCESSION.primarySuccessor(old.getCommuneCode()).orElseThrow();
            AdminMap map = MAPS.forReviewYear(REFORM_YEAR);
            String province = map.provinceOf(map.unit(UnitLevel.COMMUNE, commune).orElseThrow());
            return List.of(commune + "-" + old.getVillageCode(), commune, province, "VN");
        }

        /**
         * The household's movement figures of one year, from its counted reviews of every year, and
         * its start-of-year baselines (households, ethnic-minority poor) of the previous year.
         * Returns whether the household is newly escaped by an escape two years back (the last year
         * of the 36 months).
         */
        private static boolean movement(Map<Integer, HouseholdReview> counted, int year, Map<String, Map<String, Long>> figures) {
            HouseholdReview prev = counted.get(year - 1);
            HouseholdReview cur = counted.get(year);
            if (prev == null && cur == null) {
                return false;
            }
            List<String> end = cur == null ? List.of() : path(cur);
            List<String> start;
            if (prev == null) {
                start = List.of();
            } else if (year != REFORM_YEAR) {
                start = path(prev);
            } else if (cur != null && SUCCESSION.successors(prev.getCommuneCode()).contains(cur.getCommuneCode())) {
                start = end; // stayed: its commune went into the one it is reviewed in
            } else {
                start = attributedPath(prev);
            }
            String before = prev == null ? null : prev.getClassification().name();
            // The previous year's final figures, the baselines of this year, on the start path.
            if (prev != null) {
                add(figures, year, start, "START_HOUSEHOLDS");
                if (prev.getEthnicMinority() && "POOR".equals(before)) {
                    add(figures, year, start, "START_ETHNIC_MINORITY_POOR");
                }
            }
            String after = cur == null ? null : cur.getClassification().name();
            boolean everPoor = false;
            boolean everNearPoor = false;
            for (var earlier : counted.entrySet()) {
                if (earlier.getKey() < year) {
                    everPoor |= earlier.getValue().getClassification().name().equals("POOR");
                    everNearPoor |= earlier.getValue().getClassification().name().equals("NEAR_POOR");
                }
            }

            if ("POOR".equals(before)) {
                add(figures, year, start, "START_POOR");
                if (after == null) {
                    add(figures, year, start, "POOR_NOT_YET_REVIEWED");
                } else {
                    addMissing(figures, year, start, end, "POOR_MOVED_OUT");
                    addMissing(figures, year, end, start, "POOR_MOVED_IN");
                    if (!after.equals("POOR")) {
                        add(figures, year, end, "ESCAPED");
                    }
                    if (after.equals("NEAR_POOR")) {
                        add(figures, year, end, "ESCAPED_INTO_NEAR_POOR");
                    }
                }
            }
            if ("POOR".equals(after)) {
                add(figures, year, end, "END_POOR");
                if (!"POOR".equals(before)) {
                    add(figures, year, end, everPoor ? "RE_POOR" : "NEWLY_POOR");
                }
            }

            if ("NEAR_POOR".equals(before)) {
                add(figures, year, start, "START_NEAR_POOR");
                if (after == null) {
                    add(figures, year, start, "NEAR_POOR_NOT_YET_REVIEWED");
                } else {
                    addMissing(figures, year, start, end, "NEAR_POOR_MOVED_OUT");
                    addMissing(figures, year, end, start, "NEAR_POOR_MOVED_IN");
                    if (after.equals("POOR")) {
                        add(figures, year, end, "EXITED_NEAR_POOR");
                        add(figures, year, end, "EXITED_NEAR_POOR_INTO_POOR");
                    } else if (after.equals("NOT_POOR")) {
                        add(figures, year, end, "EXITED_NEAR_POOR");
                        add(figures, year, end, "EXITED_NEAR_POOR_INTO_NOT_POOR");
                    }
                }
            }
            if ("NEAR_POOR".equals(after)) {
                add(figures, year, end, "END_NEAR_POOR");
                if (!"NEAR_POOR".equals(before)) {
                    add(figures, year, end, everNearPoor ? "RE_NEAR_POOR" : "NEWLY_NEAR_POOR");
                }
            }

            if (after != null && !after.equals("POOR")) {
                // the latest year up to this one whose status is not poor while the latest status before it was
                String lastSeen = null;
                int lastEscape = Integer.MIN_VALUE;
                for (var entry : counted.entrySet()) {
                    if (entry.getKey() > year) {
                        break;
                    }
                    String status = entry.getValue().getClassification().name();
                    if ("POOR".equals(lastSeen) && !status.equals("POOR")) {
                        lastEscape = entry.getKey();
                    }
                    lastSeen = status;
                }
                if (lastEscape >= year - 2) {
                    add(figures, year, end, "NEWLY_ESCAPED");
                    return lastEscape == year - 2;
                }
            }
            return false;
        }

        private static void add(Map<String, Map<String, Long>> figures, int year, List<String> units, String figure) {
            for (String unit : units) {
                figures.computeIfAbsent(year + "/" + unit, k -> new HashMap<>()).merge(figure, 1L, Long::sum);
            }
        }

        private static void addMissing(Map<String, Map<String, Long>> figures, int year, List<String> units, List<String> absentFrom,
                String figure) {
            for (String unit : units) {
                if (!absentFrom.contains(unit)) {
                    figures.computeIfAbsent(year + "/" + unit, k -> new HashMap<>()).merge(figure, 1L, Long::sum);
                }
            }
        }
    }

    // ---------------------------------------------------------------- comparison

    /** Every figure name a rollup of the year reports: all of them, but average living only where the standard sets its band. */
    private static Set<String> reportedFigures(int year) {
        Set<String> names = new TreeSet<>();
        boolean band = STANDARDS.forReviewYear(year).hasAverageLivingBand();
        for (Figure figure : Figure.values()) {
            if (band || !figure.name().startsWith("AVERAGE_LIVING")) {
                names.add(figure.name());
            }
        }
        return names;
    }

    private static void compareRollups(Map<String, UnitRollup> rollups, Expected expected, List<String> differences) {
        for (var entry : new TreeMap<>(expected.figures()).entrySet()) {
            if (entry.getValue().values().stream().anyMatch(count -> count != 0) && !rollups.containsKey(entry.getKey())) {
                differences.add(entry.getKey() + ": no rollup, recount " + new TreeMap<>(entry.getValue()));
            }
        }
        for (var entry : new TreeMap<>(rollups).entrySet()) {
            String key = entry.getKey();
            UnitRollup rollup = entry.getValue();
            int year = rollup.getReviewYear();
            Map<String, Long> want = expected.figures().getOrDefault(key, Map.of());
            Map<String, Long> have = RollupValues.figures(rollup);
            Set<String> names = reportedFigures(year);
            if (!have.keySet().equals(names)) {
                differences.add(key + ": figure names " + new TreeSet<>(have.keySet()) + ", expected " + names);
            }
            for (String name : names) {
                long wanted = want.getOrDefault(name, 0L);
                Long had = have.get(name);
                if (had == null || had != wanted) {
                    differences.add(key + " " + name + ": rollup " + had + ", recount " + wanted);
                }
            }
            for (String name : want.keySet()) {
                if (!names.contains(name) && want.get(name) != 0) {
                    differences.add(key + " " + name + ": not reported, recount " + want.get(name));
                }
            }
            Map<String, String> measures = measures(want, year);
            if (!new TreeMap<>(RollupValues.measures(rollup)).equals(measures)) {
                differences.add(key + ": measures " + new TreeMap<>(RollupValues.measures(rollup)) + ", recount " + measures);
            }
            long households = want.getOrDefault("HOUSEHOLDS", 0L);
            long poor = want.getOrDefault("POOR", 0L);
            long nearPoor = want.getOrDefault("NEAR_POOR", 0L);
            if (rollup.getTotalHouseholds() != households || rollup.getPoorHouseholds() != poor
                    || rollup.getNearPoorHouseholds() != nearPoor
                    || rollup.getPoorRate().compareTo(percent(poor, households)) != 0
                    || rollup.getNearPoorRate().compareTo(percent(nearPoor, households)) != 0) {
                differences.add(key + ": total/poor/near-poor/rates " + rollup.getTotalHouseholds() + "/" + rollup.getPoorHouseholds()
                        + "/" + rollup.getNearPoorHouseholds() + "/" + rollup.getPoorRate() + "/" + rollup.getNearPoorRate()
                        + ", recount " + households + "/" + poor + "/" + nearPoor);
            }
            if (!rollup.getMapId().equals(MAPS.forReviewYear(year).id()) || !rollup.getUnitCode().equals(key.substring(key.indexOf('/') + 1))) {
                differences.add(key + ": map " + rollup.getMapId() + ", unit " + rollup.getUnitCode());
            }
            checkBalance(key, have, differences);
        }
    }

    /**
     * At the nation the start of every year is the previous year's final figure: every household
     * counted in Y−1 starts Y somewhere, on its start path, and the nation is on every path.
     */
    private static void checkNationStartsWithLastYearsFinal(Map<String, UnitRollup> rollups, List<String> differences) {
        for (int year = YEARS[0] + 1; year <= LAST_YEAR; year++) {
            UnitRollup previous = rollups.get((year - 1) + "/VN");
            UnitRollup current = rollups.get(year + "/VN");
            Map<String, Long> last = previous == null ? Map.of() : RollupValues.figures(previous);
            Map<String, Long> now = current == null ? Map.of() : RollupValues.figures(current);
            for (String[] pair : new String[][] {{"START_HOUSEHOLDS", "HOUSEHOLDS"}, {"START_POOR", "POOR"},
                    {"START_ETHNIC_MINORITY_POOR", "ETHNIC_MINORITY_POOR"}}) {
                if (get(now, pair[0]) != get(last, pair[1])) {
                    differences.add(year + "/VN " + pair[0] + " " + get(now, pair[0]) + ", but " + (year - 1) + "/VN "
                            + pair[1] + " " + get(last, pair[1]));
                }
            }
        }
    }

    /** The balance identities on the rollup's own figures. */
    private static void checkBalance(String key, Map<String, Long> have, List<String> differences) {
        long poorRight = get(have, "START_POOR") - get(have, "ESCAPED") + get(have, "NEWLY_POOR") + get(have, "RE_POOR")
                + get(have, "POOR_MOVED_IN") - get(have, "POOR_MOVED_OUT") - get(have, "POOR_NOT_YET_REVIEWED");
        if (get(have, "END_POOR") != poorRight) {
            differences.add(key + ": END_POOR " + get(have, "END_POOR") + " does not balance, the movement gives " + poorRight);
        }
        long nearPoorRight = get(have, "START_NEAR_POOR") - get(have, "EXITED_NEAR_POOR") + get(have, "NEWLY_NEAR_POOR")
                + get(have, "RE_NEAR_POOR") + get(have, "NEAR_POOR_MOVED_IN") - get(have, "NEAR_POOR_MOVED_OUT")
                - get(have, "NEAR_POOR_NOT_YET_REVIEWED");
        if (get(have, "END_NEAR_POOR") != nearPoorRight) {
            differences.add(key + ": END_NEAR_POOR " + get(have, "END_NEAR_POOR") + " does not balance, the movement gives " + nearPoorRight);
        }
        if (get(have, "EXITED_NEAR_POOR") != get(have, "EXITED_NEAR_POOR_INTO_POOR") + get(have, "EXITED_NEAR_POOR_INTO_NOT_POOR")) {
            differences.add(key + ": EXITED_NEAR_POOR is not split into poor and not poor");
        }
    }

    /** The first differences, enough to see what broke without burying it. */
    private static List<String> firstOf(List<String> differences) {
        if (differences.size() <= 40) {
            return differences;
        }
        List<String> first = new ArrayList<>(differences.subList(0, 40));
        first.add("… and " + (differences.size() - 40) + " more");
        return first;
    }

    private static long get(Map<String, Long> figures, String name) {
        Long count = figures.get(name);
        return count == null ? 0 : count;
    }

    /** The measures of a unit, written out: rates in percent to 4 decimals, Alkire–Foster ratios to 6, half up. */
    private static Map<String, String> measures(Map<String, Long> figures, int year) {
        long households = get(figures, "HOUSEHOLDS");
        long mdPoor = get(figures, "MULTIDIMENSIONALLY_POOR");
        long deprivations = get(figures, "MULTIDIMENSIONAL_DEPRIVATIONS");
        long indicators = STANDARDS.forReviewYear(year).indicators().size();
        Map<String, String> measures = new TreeMap<>();
        measures.put("POOR_RATE", percent(get(figures, "POOR"), households).toPlainString());
        measures.put("NEAR_POOR_RATE", percent(get(figures, "NEAR_POOR"), households).toPlainString());
        measures.put("ETHNIC_MINORITY_POOR_RATE", percent(get(figures, "ETHNIC_MINORITY_POOR"), households).toPlainString());
        measures.put("ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY",
                percent(get(figures, "ETHNIC_MINORITY_POOR"), get(figures, "ETHNIC_MINORITY")).toPlainString());
        measures.put("MULTIDIMENSIONAL_HEADCOUNT_RATIO", ratio(mdPoor, households).toPlainString());
        if (mdPoor > 0) {
            measures.put("MULTIDIMENSIONAL_INTENSITY", ratio(deprivations, mdPoor * indicators).toPlainString());
        }
        measures.put("MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT", ratio(deprivations, households * indicators).toPlainString());
        return measures;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? new BigDecimal("0.0000")
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? new BigDecimal("0.000000")
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    private static void compareDisagreements(Map<String, ClassificationDisagreement> listed, Map<String, HouseholdReview> expected,
            List<String> differences) {
        Set<String> keys = new TreeSet<>(listed.keySet());
        keys.addAll(expected.keySet());
        for (String key : keys) {
            ClassificationDisagreement have = listed.get(key);
            HouseholdReview want = expected.get(key);
            if (have == null || want == null) {
                differences.add("disagreement " + key + ": listed " + have + ", recount " + (want == null ? null : describe(want)));
                continue;
            }
            String wanted = String.join("|", want.getHouseholdId(), String.valueOf(want.getReviewYear()), want.getReviewId(),
                    String.valueOf(want.getReviewedAt()), want.getProvinceCode(), String.valueOf(want.getDistrictCode()),
                    want.getCommuneCode(), want.getCommuneCode() + "-" + want.getVillageCode(), want.getArea().name(),
                    want.getClassification().name(), Recount.standardClass(want),
                    String.valueOf(want.getIncomePerCapitaMonthlyVnd()), String.valueOf(Recount.deprivationCount(want)));
            String had = String.join("|", have.getHouseholdId(), String.valueOf(have.getReviewYear()), have.getReviewId(),
                    String.valueOf(have.getReviewedAt()), have.getProvinceCode(), String.valueOf(have.getDistrictCode()),
                    have.getCommuneCode(), have.getVillageUnitCode(), have.getArea().name(),
                    have.getReviewerClassification().name(), have.getStandardClassification().name(),
                    String.valueOf(have.getIncomePerCapitaMonthlyVnd()), String.valueOf(have.getDeprivationCount()));
            if (!had.equals(wanted)) {
                differences.add("disagreement " + key + ": listed " + had + ", recount " + wanted);
            }
        }
    }

    // ---------------------------------------------------------------- coverage

    /** What the sequences of one seed went through, so that a generator that stopped exercising something is noticed. */
    private static final class Coverage {
        private final Set<String> positiveFigures = new TreeSet<>();
        private final Set<Integer> yearsWithRollups = new TreeSet<>();
        private boolean intensityAbsent;
        private boolean intensityPresent;
        private int disagreements;
        private final Set<String> disagreementYears = new TreeSet<>();
        private int escapesTwoYearsBack;
        private int tiesOnReviewTime;
        private int withdrawnYears;

        void add(Expected expected, Map<String, UnitRollup> rollups) {
            for (var entry : expected.figures().entrySet()) {
                entry.getValue().forEach((figure, count) -> {
                    if (count > 0) {
                        positiveFigures.add(figure);
                    }
                });
            }
            for (UnitRollup rollup : rollups.values()) {
                yearsWithRollups.add(rollup.getReviewYear());
                boolean intensity = RollupValues.measures(rollup).containsKey("MULTIDIMENSIONAL_INTENSITY");
                intensityPresent |= intensity;
                intensityAbsent |= !intensity;
            }
            disagreements += expected.disagreements().size();
            escapesTwoYearsBack += expected.escapesTwoYearsBack();
            tiesOnReviewTime += expected.tiesOnReviewTime();
            withdrawnYears += expected.withdrawnYears();
            expected.disagreements().keySet().forEach(key -> disagreementYears.add(key.substring(0, 4)));
        }

        void assertExercised(String where) {
            Set<String> all = new TreeSet<>();
            for (Figure figure : Figure.values()) {
                all.add(figure.name());
            }
            assertThat(positiveFigures).as("figures the recount ever counted (%s)", where).isEqualTo(all);
            assertThat(yearsWithRollups).as("years with rollups (%s)", where).containsExactly(2024, 2025, 2026, 2027, 2028);
            assertThat(intensityPresent && intensityAbsent).as("intensity both set and unset (%s)", where).isTrue();
            assertThat(disagreements).as("disagreements listed over the sequences (%s)", where).isPositive();
            assertThat(disagreementYears).as("years with disagreements (%s)", where).containsExactly("2024", "2025", "2026", "2027");
            assertThat(escapesTwoYearsBack).as("households newly escaped from an escape two years back (%s)", where).isPositive();
            assertThat(tiesOnReviewTime).as("counted reviews that won a tie of review time on their id (%s)", where).isPositive();
            assertThat(withdrawnYears).as("household-years withdrawn for good (%s)", where).isPositive();
        }
    }
}
