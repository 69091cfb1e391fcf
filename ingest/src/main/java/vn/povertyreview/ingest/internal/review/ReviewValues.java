package vn.povertyreview.ingest.internal.review;

import java.time.Instant;
import java.util.Set;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

/**
 * The values of a submitted record that could be read, each null when absent or unreadable; the
 * boolean flags are false then, as the contract defines. Unlike the domain's review, the year and
 * the member count can be missing here. Immutable.
 */
public record ReviewValues(
        String reviewId,
        String householdId,
        Integer reviewYear,
        Instant reviewedAt,
        String provinceCode,
        String districtCode,
        String communeCode,
        String villageCode,
        Area area,
        Integer members,
        Long incomePerCapitaMonthlyVnd,
        Set<Indicator> deprivations,
        Classification classification,
        boolean ethnicMinority,
        boolean meritFamily,
        boolean socialProtection,
        boolean noLaborCapacity,
        boolean agricultureForestryFishery) {
}
