package vn.povertyreview.sink.report;

import java.math.BigDecimal;
import vn.povertyreview.domain.target.TargetKind;
import vn.povertyreview.domain.target.TargetMeasure;
import vn.povertyreview.domain.target.TargetStatus;

/**
 * One row of {@code target_status} as a report shows it: the counts the rates are computed from,
 * never the stored rates. Immutable.
 */
public record TargetRow(String unitCode, String unitName, TargetMeasure measure, TargetKind kind, BigDecimal targetValue,
        long baselinePoor, long baselineTotal, long currentPoor, long currentTotal, long targetEndHouseholds,
        long gapHouseholds, BigDecimal completionPercent, TargetStatus status) {
}
