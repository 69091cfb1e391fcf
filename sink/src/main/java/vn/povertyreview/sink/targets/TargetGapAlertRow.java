package vn.povertyreview.sink.targets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.povertyreview.schemas.TargetGapAlert;

/**
 * One row of {@code target_gap_alert}: an alert raised once for a unit's target and status.
 * {@code parents} is JSON text, an array of {@code {"code", "name"}}, nearest first; a null
 * {@code previousStatus} means there was none. Immutable and thread-safe.
 */
public record TargetGapAlertRow(
        String alertId,
        int reviewYear,
        String unitCode,
        String unitName,
        String parents,
        String measure,
        String kind,
        BigDecimal targetValue,
        String status,
        String previousStatus,
        boolean yearClosed,
        long gapHouseholds,
        BigDecimal gapPoints,
        BigDecimal completionPercent,
        String messageVi,
        String messageEn,
        OffsetDateTime raisedAt) {

    /**
     * The row of an alert record.
     *
     * @throws IllegalArgumentException if one of its decimals is not a plain decimal number
     */
    public static TargetGapAlertRow of(TargetGapAlert alert) {
        String record = "the target gap alert " + alert.getAlertId();
        return new TargetGapAlertRow(
                alert.getAlertId(),
                alert.getReviewYear(),
                alert.getUnit().getCode(),
                alert.getUnit().getName(),
                TargetJson.units(alert.getParents()),
                alert.getMeasure().name(),
                alert.getKind().name(),
                Decimals.parse(alert.getValue(), "value", record),
                alert.getStatus().name(),
                alert.getPreviousStatus() == null ? null : alert.getPreviousStatus().name(),
                alert.getYearClosed(),
                alert.getGapHouseholds(),
                Decimals.parse(alert.getGapPoints(), "gapPoints", record),
                Decimals.parse(alert.getCompletionPercent(), "completionPercent", record),
                alert.getMessageVi(),
                alert.getMessageEn(),
                alert.getRaisedAt().atOffset(ZoneOffset.UTC));
    }
}
