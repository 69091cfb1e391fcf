package vn.povertyreview.sink.rollup;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.rollup.UnitReport;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.schemas.UnitRollups;

/**
 * One row of {@code unit_rollup}: the figures and measures of one unit in one review year at one
 * revision. A figure or measure missing from the maps is not set (NULL in the table): a version-2
 * record written before the figure existed, an average-living figure of a year whose standard sets
 * no band, or an undefined measure. Immutable and thread-safe.
 */
public record RollupRow(
        String unitCode,
        int reviewYear,
        String mapId,
        String unitLevel,
        String unitName,
        String parentCode,
        Map<Figure, Long> figures,
        Map<Measure, BigDecimal> measures,
        long revision,
        OffsetDateTime updatedAt) {

    private static final Logger LOG = LoggerFactory.getLogger(RollupRow.class);
    /** Names from a newer producer that this version does not know, each logged once. */
    private static final Set<String> UNKNOWN_NAMES = ConcurrentHashMap.newKeySet();
    private static final PovertyStandards STANDARDS = PovertyStandards.official();

    public RollupRow {
        EnumMap<Figure, Long> figureCopy = new EnumMap<>(Figure.class);
        figureCopy.putAll(figures);
        figures = Collections.unmodifiableMap(figureCopy);
        EnumMap<Measure, BigDecimal> measureCopy = new EnumMap<>(Measure.class);
        measureCopy.putAll(measures);
        measures = Collections.unmodifiableMap(measureCopy);
    }

    /**
     * The row of a rollup record, with its figures and measures as {@link UnitRollups#report} reads
     * them, whichever version wrote it; names a version-2 record carries that this version does not
     * know are left out, and logged once each.
     *
     * @throws IllegalArgumentException if a measure is not a plain decimal number
     */
    public static RollupRow of(UnitRollup rollup) {
        UnitReport report = UnitRollups.report(rollup, STANDARDS);
        if (rollup.getCounts().isEmpty()) {
            for (String name : UnitRollups.unknownNames(rollup)) {
                if (UNKNOWN_NAMES.add(name)) {
                    LOG.warn("Ignoring {} of unit rollups: this sink does not know it (a newer producer?)", name);
                }
            }
        }
        return new RollupRow(
                rollup.getUnitCode(),
                rollup.getReviewYear(),
                rollup.getMapId(),
                rollup.getLevel().name(),
                rollup.getUnitName(),
                rollup.getParentCode(),
                report.figures(),
                report.measures(),
                rollup.getRevision(),
                rollup.getUpdatedAt().atOffset(ZoneOffset.UTC));
    }

    /** The unit and year, the row's primary key. */
    public UnitKey key() {
        return new UnitKey(reviewYear, unitCode);
    }

    /** The figure, or null when it is not set. */
    public Long figure(Figure figure) {
        return figures.get(figure);
    }

    /** The measure, or null when it is not set. */
    public BigDecimal measure(Measure measure) {
        return measures.get(measure);
    }
}
