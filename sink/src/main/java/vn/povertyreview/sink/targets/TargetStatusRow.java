package vn.povertyreview.sink.targets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;

/**
 * One row of {@code target_status}: where one unit stands against its target of one measure in one
 * review year, at one revision. {@code parents} is JSON text, an array of {@code {"code", "name"}},
 * nearest first. Immutable and thread-safe.
 */
public record TargetStatusRow(
        int reviewYear,
        String unitCode,
        String measure,
        String unitName,
        String parents,
        String kind,
        BigDecimal targetValue,
        long baselinePoorHouseholds,
        long baselineTotalHouseholds,
        BigDecimal baselineRate,
        boolean baselineStated,
        long targetEndHouseholds,
        BigDecimal targetEndRate,
        long currentPoorHouseholds,
        long currentTotalHouseholds,
        BigDecimal currentRate,
        long gapHouseholds,
        BigDecimal gapPoints,
        BigDecimal completionPercent,
        BigDecimal reviewedShare,
        String status,
        boolean yearClosed,
        long revision,
        OffsetDateTime updatedAt) {

    /**
     * The row of a status record.
     *
     * @throws IllegalArgumentException if one of its decimals is not a plain decimal number
     */
    public static TargetStatusRow of(TargetStatus status) {
        String record = "the target status " + key(status);
        return new TargetStatusRow(
                status.getReviewYear(),
                status.getUnit().getCode(),
                status.getMeasure().name(),
                status.getUnit().getName(),
                TargetJson.units(status.getParents()),
                status.getKind().name(),
                Decimals.parse(status.getValue(), "value", record),
                status.getBaselinePoorHouseholds(),
                status.getBaselineTotalHouseholds(),
                Decimals.parse(status.getBaselineRate(), "baselineRate", record),
                status.getBaselineStated(),
                status.getTargetEndHouseholds(),
                Decimals.parse(status.getTargetEndRate(), "targetEndRate", record),
                status.getCurrentPoorHouseholds(),
                status.getCurrentTotalHouseholds(),
                Decimals.parse(status.getCurrentRate(), "currentRate", record),
                status.getGapHouseholds(),
                Decimals.parse(status.getGapPoints(), "gapPoints", record),
                Decimals.parse(status.getCompletionPercent(), "completionPercent", record),
                Decimals.parse(status.getReviewedShare(), "reviewedShare", record),
                status.getStatus().name(),
                status.getYearClosed(),
                status.getRevision(),
                status.getUpdatedAt().atOffset(ZoneOffset.UTC));
    }

    /** The key of a status record, {@code <reviewYear>/<unitCode>/<measure>}. */
    private static TargetKey key(TargetStatus status) {
        return new TargetKey(status.getReviewYear(), status.getUnit().getCode(), status.getMeasure());
    }

    /** The unit, year and measure, the row's primary key. */
    public TargetKey key() {
        return new TargetKey(reviewYear, unitCode, TargetMeasure.valueOf(measure));
    }
}
