package vn.povertyreview.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The product's topics. Names are configurable so that tests and deployments can rename them;
 * keys are plain strings ({@link HouseholdKey}, {@link UnitKey}) so that any Kafka tool can read them.
 * Immutable.
 */
public record Topics(
        Topic<String, HouseholdReview> householdReviews,
        Topic<String, RejectedReview> rejectedReviews,
        Topic<String, UnitRollup> unitRollups) {

    public static final String HOUSEHOLD_REVIEWS = "household-reviews";
    public static final String REJECTED_REVIEWS = "household-reviews-rejected";
    public static final String UNIT_ROLLUPS = "unit-rollups";

    public static Topics withDefaultNames() {
        return named(HOUSEHOLD_REVIEWS, REJECTED_REVIEWS, UNIT_ROLLUPS);
    }

    public static Topics named(String householdReviews, String rejectedReviews, String unitRollups) {
        Serde<String> keys = Serdes.String();
        return new Topics(
                new Topic<>(Objects.requireNonNull(householdReviews), keys, AvroSerde.of(HouseholdReview.class)),
                new Topic<>(Objects.requireNonNull(rejectedReviews), keys, AvroSerde.of(RejectedReview.class)),
                new Topic<>(Objects.requireNonNull(unitRollups), keys, AvroSerde.of(UnitRollup.class)));
    }
}
