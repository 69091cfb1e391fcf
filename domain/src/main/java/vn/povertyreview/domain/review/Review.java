package vn.povertyreview.domain.review;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One household review as submitted by a commune reviewer. Carries no names and no ID numbers:
 * the household is known only by its {@code householdId}.
 *
 * <p>{@code reviewId} identifies this record (a re-delivery of the same record has the same id);
 * {@code submissionId} the upload it came in; {@code submittedBy} the reviewer account. A record
 * is kept as submitted, even when it breaks a rule, so that {@link ReviewRules} can say which.
 *
 * <p>Immutable and thread-safe.
 */
public record Review(
        String reviewId,
        String submissionId,
        String submittedBy,
        String householdId,
        int reviewYear,
        Instant reviewedAt,
        String provinceCode,
        String districtCode,
        String communeCode,
        String villageCode,
        Area area,
        int members,
        Long incomePerCapitaMonthlyVnd,
        Set<Indicator> deprivations,
        Classification classification,
        boolean ethnicMinority,
        boolean meritFamily,
        boolean socialProtection,
        boolean noLaborCapacity,
        boolean agricultureForestryFishery) {

    public Review {
        // An EnumSet keeps the indicators in their official order, so records compare and print alike.
        deprivations = deprivations == null || deprivations.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Indicator.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(deprivations));
    }

    /** The order in which two reviews of the same household and year supersede each other. */
    public ReviewOrder order() {
        return new ReviewOrder(reviewedAt == null ? Long.MIN_VALUE : reviewedAt.toEpochMilli(),
                Objects.requireNonNullElse(reviewId, ""));
    }
}
