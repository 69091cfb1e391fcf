package vn.povertyreview.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.Topic;

/**
 * Generates two review seasons in miniature, across the 2025 reform: households spread evenly
 * over the 63 provinces of the three-level map and reviewed in 2024 in a commune and village of
 * it, then, keeping their ids, in 2025 in the commune their old commune went into (now and then
 * another successor of a split commune) and the same village. Of the households,
 *
 * <ul>
 *   <li>2% are new in 2025 (no 2024 review) and 3% of the others are not yet reviewed in 2025;
 *   <li>in each year 5% are reviewed again and 2% move to another commune of their province, so
 *       that the update path (taking a household's old contribution out) carries load too;
 *   <li>0.5% of the 2025 reviews are withdrawn, as a reviewer withdraws a review made in error;
 *   <li>a household's 2025 classification follows its 2024 one as poverty does: most poor
 *       households stay poor, some escape, a few fall back.
 * </ul>
 *
 * With one season only, every household is reviewed in 2025 alone, as a new household is, with
 * the same re-reviews, moves and withdrawals. Villages per commune are as in {@link Villages}. Records are written to files in the order they
 * are sent: 2024's first reviews with every province interleaved (as uploads from every province
 * interleave in a real season), 2024's re-reviews and moves, then 2025's, then the withdrawals.
 * Not thread-safe.
 */
final class WorkloadBuilder {

    /** The last season under the three-level map. */
    static final int FIRST_YEAR = AdminMaps.FIRST_TWO_LEVEL_YEAR - 1;
    /** The 2025 review: the first under the two-level map (provinces and communes only). */
    static final int FINAL_YEAR = AdminMaps.FIRST_TWO_LEVEL_YEAR;

    private static final int NEW_IN_FINAL_YEAR_PERMILLE = 20;
    private static final int NOT_YET_REVIEWED_PERMILLE = 30;
    private static final int RE_REVIEW_PERMILLE = 50;
    private static final int MOVE_PERMILLE = 20;
    private static final int WITHDRAWN_PERMILLE = 5;
    /** Of households whose old commune was split, how many are reviewed in its primary successor. */
    private static final int PRIMARY_SUCCESSOR_PERMILLE = 850;

    private final AdminMaps maps;
    private final AdminSuccession succession;
    private final Villages villages;
    private final Topic<String, HouseholdReview> reviews;
    private final long seed;
    private final Path directory;
    private final boolean bothSeasons;

    /** With {@code bothSeasons} false, households are reviewed in the final year only, as new households are. */
    WorkloadBuilder(AdminMaps maps, Topic<String, HouseholdReview> reviews, long seed, Path directory, boolean bothSeasons) {
        this.maps = maps;
        this.succession = AdminSuccession.official(maps);
        this.villages = new Villages(succession, seed);
        this.reviews = reviews;
        this.seed = seed;
        this.directory = directory;
        this.bothSeasons = bothSeasons;
    }

    /** The provinces of the review year's map, in code order. */
    static List<String> provinces(AdminMaps maps, int reviewYear) {
        return maps.forReviewYear(reviewYear).units(UnitLevel.PROVINCE).stream()
                .map(AdminUnit::code)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** Villages of the pre-reform map and of the 2025 map. */
    int[] villageTotals() {
        return villages.totals();
    }

    /**
     * First reviews in {@link #FINAL_YEAR} of {@code households} new households, their ids prefixed
     * {@code prefix}, spread evenly over that year's provinces and shuffled.
     */
    static List<Review> newHouseholds(HouseholdGenerator generator, AdminMaps maps, int households, String prefix, Random shuffle) {
        List<String> provinces = provinces(maps, FINAL_YEAR);
        List<Review> reviews = new ArrayList<>(households);
        for (int i = 0; i < provinces.size(); i++) {
            int count = share(households, provinces.size(), i);
            if (count > 0) {
                reviews.addAll(generator.firstReviews(FINAL_YEAR, provinces.get(i), count, prefix));
            }
        }
        Collections.shuffle(reviews, shuffle);
        return reviews;
    }

    /** The {@code index}-th of {@code parts} even shares of {@code total}: the first (total mod parts) take one more. */
    static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    /** {@code households} households whose ids start with {@code prefix}, which keeps workloads apart. */
    Workload build(String name, String prefix, int households) {
        return new Season(name, prefix).generate(households);
    }

    /** One workload being generated: its dice, its files and its recount. */
    private final class Season {

        private final String name;
        private final String prefix;
        private final HouseholdGenerator generator;
        private final Random dice;
        private final Serializer<String> keys = reviews.keySerde().serializer();
        private final Serializer<HouseholdReview> values = reviews.valueSerde().serializer();
        private final Map<String, List<String>> communes = new HashMap<>();
        private final WorkloadFile firstsOfFirstYear;
        private final WorkloadFile updatesOfFirstYear;
        private final WorkloadFile firstsOfFinalYear;
        private final WorkloadFile updatesOfFinalYear;
        private final WorkloadFile withdrawals;
        private final UnitRecount units = new UnitRecount();
        private NationFigures expected = NationFigures.NONE;
        private long reviewed;

        Season(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
            long workloadSeed = seed * 31 + prefix.hashCode();
            this.generator = new HouseholdGenerator(maps, workloadSeed);
            this.dice = new Random(workloadSeed);
            String file = prefix.toLowerCase().replaceAll("[^a-z0-9]", "");
            this.firstsOfFirstYear = WorkloadFile.create(directory.resolve(file + "-" + FIRST_YEAR + "-first.bin"));
            this.updatesOfFirstYear = WorkloadFile.create(directory.resolve(file + "-" + FIRST_YEAR + "-updates.bin"));
            this.firstsOfFinalYear = WorkloadFile.create(directory.resolve(file + "-" + FINAL_YEAR + "-first.bin"));
            this.updatesOfFinalYear = WorkloadFile.create(directory.resolve(file + "-" + FINAL_YEAR + "-updates.bin"));
            this.withdrawals = WorkloadFile.create(directory.resolve(file + "-withdrawals.bin"));
        }

        Workload generate(int households) {
            List<String> oldProvinces = provinces(maps, FIRST_YEAR);
            for (int i = 0; i < households; i++) {
                String province = oldProvinces.get(i % oldProvinces.size());
                household(prefix + province + "-" + String.format("%07d", i / oldProvinces.size()), province);
            }
            List<WorkloadFile> files = List.of(firstsOfFirstYear, updatesOfFirstYear, firstsOfFinalYear, updatesOfFinalYear, withdrawals);
            files.forEach(WorkloadFile::close);
            return new Workload(name, files, households, reviewed, updatesOfFirstYear.records() + updatesOfFinalYear.records(),
                    withdrawals.records(), expected, units);
        }

        /** Both years of one household, whose province in the old map is {@code oldProvince}. */
        private void household(String householdId, String oldProvince) {
            Review lastOfFirstYear = null;
            if (bothSeasons && dice.nextInt(1000) >= NEW_IN_FINAL_YEAR_PERMILLE) {
                String commune = anyCommune(FIRST_YEAR, oldProvince);
                Review first = generator.review(householdId, FIRST_YEAR, commune, villages.any(FIRST_YEAR, commune, dice), null);
                lastOfFirstYear = reviewedInYear(first, firstsOfFirstYear, updatesOfFirstYear);
                units.add(lastOfFirstYear);
            }
            if (lastOfFirstYear != null && dice.nextInt(1000) < NOT_YET_REVIEWED_PERMILLE) {
                return;
            }
            Review first = lastOfFirstYear == null ? newHousehold(householdId, oldProvince) : afterTheReform(lastOfFirstYear);
            Review last = reviewedInYear(first, firstsOfFinalYear, updatesOfFinalYear);
            if (dice.nextInt(1000) < WITHDRAWN_PERMILLE) {
                String key = new HouseholdKey(FINAL_YEAR, householdId).toString();
                withdrawals.append(new Workload.Message(keys.serialize(reviews.name(), key), null, householdId, last.communeCode()));
                return;
            }
            units.add(last);
            expected = expected.plus(NationFigures.of(last.classification()));
        }

        /** Sends the year's first review, maybe a re-review or move after it; returns the review that counts. */
        private Review reviewedInYear(Review first, WorkloadFile firsts, WorkloadFile updates) {
            firsts.append(message(first));
            reviewed++;
            int roll = dice.nextInt(1000);
            Review latest = first;
            if (roll < RE_REVIEW_PERMILLE) {
                latest = generator.reReview(first);
            } else if (roll < RE_REVIEW_PERMILLE + MOVE_PERMILLE) {
                String commune = anyCommune(first.reviewYear(), first.provinceCode());
                latest = generator.reviewedAgainAt(first, commune, villages.any(first.reviewYear(), commune, dice));
            }
            if (latest != first) {
                updates.append(message(latest));
            }
            return latest;
        }

        /** The household's first 2025 review: in its old commune's successor, the same village, a likely outcome. */
        private Review afterTheReform(Review lastOfFirstYear) {
            String oldCommune = lastOfFirstYear.communeCode();
            List<String> successors = succession.successors(oldCommune);
            String commune = successors.size() == 1 || dice.nextInt(1000) < PRIMARY_SUCCESSOR_PERMILLE
                    ? succession.primarySuccessor(oldCommune).orElseThrow()
                    : successors.get(dice.nextInt(successors.size()));
            return generator.review(lastOfFirstYear.householdId(), FINAL_YEAR, commune, lastOfFirstYear.villageCode(),
                    following(lastOfFirstYear.classification()));
        }

        private Review newHousehold(String householdId, String oldProvince) {
            String province = succession.primaryProvinceSuccessor(oldProvince).orElseThrow();
            String commune = anyCommune(FINAL_YEAR, province);
            return generator.review(householdId, FINAL_YEAR, commune, villages.any(FINAL_YEAR, commune, dice), null);
        }

        /**
         * A year later: of the poor 70% stay poor, 18% become near-poor and 12% escape; of the
         * near-poor 8% fall into poverty and 30% leave it; of the others 1% fall poor and 3% near-poor.
         */
        private Classification following(Classification last) {
            int roll = dice.nextInt(100);
            return switch (last) {
                case POOR -> roll < 70 ? Classification.POOR : roll < 88 ? Classification.NEAR_POOR : Classification.NOT_POOR;
                case NEAR_POOR -> roll < 8 ? Classification.POOR : roll < 70 ? Classification.NEAR_POOR : Classification.NOT_POOR;
                case NOT_POOR -> roll < 1 ? Classification.POOR : roll < 4 ? Classification.NEAR_POOR : Classification.NOT_POOR;
            };
        }

        private String anyCommune(int reviewYear, String province) {
            List<String> codes = communes.computeIfAbsent(reviewYear + "/" + province, k -> generator.communesOf(reviewYear, province));
            return codes.get(dice.nextInt(codes.size()));
        }

        private Workload.Message message(Review review) {
            String key = new HouseholdKey(review.reviewYear(), review.householdId()).toString();
            return new Workload.Message(keys.serialize(reviews.name(), key),
                    values.serialize(reviews.name(), ReviewRecords.toAvro(review)), review.householdId(), null);
        }
    }
}
