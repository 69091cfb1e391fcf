package vn.povertyreview.sink;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.povertyreview.schemas.UnitRollup;

/**
 * One row of {@code unit_rollup}: the figures of one unit in one review year at one revision.
 * Immutable and thread-safe.
 */
public record RollupRow(
        String unitCode,
        int reviewYear,
        String mapId,
        String unitLevel,
        String unitName,
        String parentCode,
        long totalHouseholds,
        long poorHouseholds,
        long nearPoorHouseholds,
        BigDecimal poorRate,
        BigDecimal nearPoorRate,
        long revision,
        OffsetDateTime updatedAt) {

    public static RollupRow of(UnitRollup rollup) {
        return new RollupRow(
                rollup.getUnitCode(),
                rollup.getReviewYear(),
                rollup.getMapId(),
                rollup.getLevel().name(),
                rollup.getUnitName(),
                rollup.getParentCode(),
                rollup.getTotalHouseholds(),
                rollup.getPoorHouseholds(),
                rollup.getNearPoorHouseholds(),
                rollup.getPoorRate(),
                rollup.getNearPoorRate(),
                rollup.getRevision(),
                rollup.getUpdatedAt().atOffset(ZoneOffset.UTC));
    }
}
