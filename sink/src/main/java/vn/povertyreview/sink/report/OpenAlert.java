package vn.povertyreview.sink.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A row of {@code target_gap_alert} as the dashboard lists it: the alert and its unit, the status it
 * reports and the bilingual message the sink stored. Immutable.
 */
public record OpenAlert(String alertId, int reviewYear, String unitCode, String unitName, String measure, String status,
        String previousStatus, long gapHouseholds, BigDecimal completionPercent, String messageVi, String messageEn,
        OffsetDateTime raisedAt) {
}
