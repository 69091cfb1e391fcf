package vn.povertyreview.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The product's topics: household-reviews (key {@link HouseholdKey}; a tombstone withdraws a review),
 * household-reviews-rejected, unit-rollups (compacted, key {@link UnitKey}), admin-units (compacted, key
 * {@code <mapId>/<unitCode>}: registered village names), reviewer-tokens (compacted, key: token id),
 * classification-disagreements (compacted, key {@link HouseholdKey}: reviews the standard classifies otherwise),
 * reduction-targets (compacted, key {@link TargetKey} {@code <reviewYear>/<unitCode>/<measure>}: a unit's
 * reduction target of a year; a tombstone deletes it) and review-year-closures (compacted, key {@link UnitKey}
 * {@code <reviewYear>/<unitCode>}: a year closed for a unit and everything under it; a tombstone reopens it) and
 * reviewer-token-uses (compacted, key {@code <tokenId>/<instanceId>}: when an ingest instance last accepted a token) and
 * audit-events (kept forever, never compacted, key: the event id: every change of state made through ingest).
 * Names are configurable so that tests and deployments can rename them;
 * keys are plain strings ({@link HouseholdKey}, {@link UnitKey}) so that any Kafka tool can read them.
 * Immutable.
 */
public record Topics(
        Topic<String, HouseholdReview> householdReviews,
        Topic<String, RejectedReview> rejectedReviews,
        Topic<String, UnitRollup> unitRollups,
        Topic<String, AdminUnit> adminUnits,
        Topic<String, ReviewerToken> reviewerTokens,
        Topic<String, ClassificationDisagreement> classificationDisagreements,
        Topic<String, ReductionTarget> reductionTargets,
        Topic<String, ReviewYearClosure> reviewYearClosures,
        Topic<String, TargetStatus> targetStatuses,
        Topic<String, TargetGapAlert> targetGapAlerts,
        Topic<String, ReviewerTokenUse> reviewerTokenUses,
        Topic<String, AuditEvent> auditEvents) {

    /**
     * The compression of every topic the product creates and of every producer writing to one:
     * reviews, rollups and changelogs repeat most of their bytes, and lz4 costs little CPU. The
     * broker stores batches as the producer compressed them when the two agree.
     */
    public static final String COMPRESSION = "lz4";

    public static final String HOUSEHOLD_REVIEWS = "household-reviews";
    public static final String REJECTED_REVIEWS = "household-reviews-rejected";
    public static final String UNIT_ROLLUPS = "unit-rollups";
    public static final String ADMIN_UNITS = "admin-units";
    public static final String REVIEWER_TOKENS = "reviewer-tokens";
    public static final String CLASSIFICATION_DISAGREEMENTS = "classification-disagreements";
    public static final String REDUCTION_TARGETS = "reduction-targets";
    public static final String REVIEW_YEAR_CLOSURES = "review-year-closures";
    public static final String TARGET_STATUSES = "target-statuses";
    public static final String TARGET_GAP_ALERTS = "target-gap-alerts";
    public static final String REVIEWER_TOKEN_USES = "reviewer-token-uses";
    public static final String AUDIT_EVENTS = "audit-events";

    public static Topics withDefaultNames() {
        return named(HOUSEHOLD_REVIEWS, REJECTED_REVIEWS, UNIT_ROLLUPS, ADMIN_UNITS, REVIEWER_TOKENS, CLASSIFICATION_DISAGREEMENTS,
                REDUCTION_TARGETS, REVIEW_YEAR_CLOSURES, TARGET_STATUSES, TARGET_GAP_ALERTS, REVIEWER_TOKEN_USES, AUDIT_EVENTS);
    }

    /** The topics under the given names, in the order of the record's components. */
    public static Topics named(String householdReviews, String rejectedReviews, String unitRollups, String adminUnits,
            String reviewerTokens, String classificationDisagreements, String reductionTargets, String reviewYearClosures,
            String targetStatuses, String targetGapAlerts, String reviewerTokenUses, String auditEvents) {
        Serde<String> keys = Serdes.String();
        return new Topics(
                new Topic<>(Objects.requireNonNull(householdReviews), keys, AvroSerde.of(HouseholdReview.class)),
                new Topic<>(Objects.requireNonNull(rejectedReviews), keys, AvroSerde.of(RejectedReview.class)),
                new Topic<>(Objects.requireNonNull(unitRollups), keys, AvroSerde.of(UnitRollup.class)),
                new Topic<>(Objects.requireNonNull(adminUnits), keys, AvroSerde.of(AdminUnit.class)),
                new Topic<>(Objects.requireNonNull(reviewerTokens), keys, AvroSerde.of(ReviewerToken.class)),
                new Topic<>(Objects.requireNonNull(classificationDisagreements), keys, AvroSerde.of(ClassificationDisagreement.class)),
                new Topic<>(Objects.requireNonNull(reductionTargets), keys, AvroSerde.of(ReductionTarget.class)),
                new Topic<>(Objects.requireNonNull(reviewYearClosures), keys, AvroSerde.of(ReviewYearClosure.class)),
                new Topic<>(Objects.requireNonNull(targetStatuses), keys, AvroSerde.of(TargetStatus.class)),
                new Topic<>(Objects.requireNonNull(targetGapAlerts), keys, AvroSerde.of(TargetGapAlert.class)),
                new Topic<>(Objects.requireNonNull(reviewerTokenUses), keys, AvroSerde.of(ReviewerTokenUse.class)),
                new Topic<>(Objects.requireNonNull(auditEvents), keys, AvroSerde.of(AuditEvent.class)));
    }
}
