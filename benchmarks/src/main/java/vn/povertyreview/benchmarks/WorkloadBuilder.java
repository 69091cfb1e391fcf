package vn.povertyreview.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.Topic;

/**
 * Generates a national review season in miniature: households spread evenly over every province
 * of the review year's map, about 5% of them reviewed again and 2% moved to another commune, so
 * that the update path (taking a household's old contribution out) carries load too.
 *
 * <p>Reviews are serialized province by province and the domain objects dropped, which keeps a
 * million households to a few hundred megabytes. Records are shuffled, as uploads from every
 * province interleave in a real season; updates follow all first reviews. Not thread-safe.
 */
final class WorkloadBuilder {

    /** The 2025 review: the first under the two-level map (provinces and communes only). */
    static final int REVIEW_YEAR = 2025;
    private static final int RE_REVIEW_PERCENT = 5;
    private static final int MOVE_PERCENT = 2;

    private final AdminMaps maps;
    private final Topic<String, HouseholdReview> reviews;
    private final long seed;

    WorkloadBuilder(AdminMaps maps, Topic<String, HouseholdReview> reviews, long seed) {
        this.maps = maps;
        this.reviews = reviews;
        this.seed = seed;
    }

    /** The review year's provinces, in code order. */
    List<String> provinces() {
        return maps.forReviewYear(REVIEW_YEAR).units(UnitLevel.PROVINCE).stream()
                .map(AdminUnit::code)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** The {@code index}-th of {@code parts} even shares of {@code total}: the first (total mod parts) take one more. */
    static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    /** {@code households} households whose ids start with {@code prefix}, which keeps workloads apart. */
    Workload build(String name, String prefix, int households) {
        long workloadSeed = seed * 31 + prefix.hashCode();
        HouseholdGenerator generator = new HouseholdGenerator(maps, workloadSeed);
        Random dice = new Random(workloadSeed);
        Serializer<String> keys = reviews.keySerde().serializer();
        Serializer<HouseholdReview> values = reviews.valueSerde().serializer();
        List<Workload.Message> firsts = new ArrayList<>(households);
        List<Workload.Message> updates = new ArrayList<>(households / 10);
        NationFigures expected = NationFigures.NONE;
        UnitRecount units = new UnitRecount();

        List<String> provinces = provinces();
        for (int i = 0; i < provinces.size(); i++) {
            int count = share(households, provinces.size(), i);
            if (count == 0) {
                continue;
            }
            for (Review first : generator.firstReviews(REVIEW_YEAR, provinces.get(i), count, prefix)) {
                firsts.add(message(first, keys, values));
                Review latest = first;
                int roll = dice.nextInt(100);
                if (roll < RE_REVIEW_PERCENT) {
                    latest = generator.reReview(first);
                } else if (roll < RE_REVIEW_PERCENT + MOVE_PERCENT) {
                    latest = generator.move(first);
                }
                if (latest != first) {
                    updates.add(message(latest, keys, values));
                }
                expected = expected.plus(NationFigures.of(latest.classification()));
                units.add(latest);
            }
        }
        Collections.shuffle(firsts, dice);
        Collections.shuffle(updates, dice);
        List<Workload.Message> records = new ArrayList<>(firsts.size() + updates.size());
        records.addAll(firsts);
        records.addAll(updates);
        return new Workload(name, records, households, updates.size(), expected, units);
    }

    private Workload.Message message(Review review, Serializer<String> keys, Serializer<HouseholdReview> values) {
        String key = new HouseholdKey(review.reviewYear(), review.householdId()).toString();
        return new Workload.Message(keys.serialize(reviews.name(), key),
                values.serialize(reviews.name(), ReviewRecords.toAvro(review)), review.householdId());
    }
}
