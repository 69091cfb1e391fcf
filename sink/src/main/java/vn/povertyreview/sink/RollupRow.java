package vn.povertyreview.sink;

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
import vn.povertyreview.schemas.UnitRollup;

/**
 * One row of {@code unit_rollup}: the figures and measures of one unit in one review year at one
 * revision. A figure or measure missing from the maps is not set (NULL in the table): a record
 * written before the figure existed, an average-living figure of a year whose standard sets no
 * band, or an undefined measure. Immutable and thread-safe.
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

    public RollupRow {
        EnumMap<Figure, Long> figureCopy = new EnumMap<>(Figure.class);
        figureCopy.putAll(figures);
        figures = Collections.unmodifiableMap(figureCopy);
        EnumMap<Measure, BigDecimal> measureCopy = new EnumMap<>(Measure.class);
        measureCopy.putAll(measures);
        measures = Collections.unmodifiableMap(measureCopy);
    }

    /**
     * The row of a rollup record. The explicit fields (households, poor, near-poor, their rates)
     * fill their figures and measures, so that a record written before the maps existed still sets
     * them; names this version does not know are left out.
     *
     * @throws IllegalArgumentException if a measure is not a plain decimal number
     */
    public static RollupRow of(UnitRollup rollup) {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        if (rollup.getFigures() != null) {
            rollup.getFigures().forEach((name, count) -> {
                Figure figure = known(Figure.class, name);
                if (figure != null && count != null) {
                    figures.put(figure, count);
                }
            });
        }
        figures.put(Figure.HOUSEHOLDS, rollup.getTotalHouseholds());
        figures.put(Figure.POOR, rollup.getPoorHouseholds());
        figures.put(Figure.NEAR_POOR, rollup.getNearPoorHouseholds());
        Map<Measure, BigDecimal> measures = new EnumMap<>(Measure.class);
        if (rollup.getMeasures() != null) {
            rollup.getMeasures().forEach((name, text) -> {
                Measure measure = known(Measure.class, name);
                if (measure != null && text != null) {
                    measures.put(measure, decimal(rollup, name, text));
                }
            });
        }
        measures.put(Measure.POOR_RATE, rollup.getPoorRate());
        measures.put(Measure.NEAR_POOR_RATE, rollup.getNearPoorRate());
        return new RollupRow(
                rollup.getUnitCode(),
                rollup.getReviewYear(),
                rollup.getMapId(),
                rollup.getLevel().name(),
                rollup.getUnitName(),
                rollup.getParentCode(),
                figures,
                measures,
                rollup.getRevision(),
                rollup.getUpdatedAt().atOffset(ZoneOffset.UTC));
    }

    /** The figure, or null when it is not set. */
    public Long figure(Figure figure) {
        return figures.get(figure);
    }

    /** The measure, or null when it is not set. */
    public BigDecimal measure(Measure measure) {
        return measures.get(measure);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            if (UNKNOWN_NAMES.add(type.getSimpleName() + "." + name)) {
                LOG.warn("Ignoring {} {} of unit rollups: this sink does not know it (a newer producer?)", type.getSimpleName(), name);
            }
            return null;
        }
    }

    private static BigDecimal decimal(UnitRollup rollup, String name, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("measure " + name + " of " + rollup.getReviewYear() + "/" + rollup.getUnitCode()
                    + " is not a decimal number: '" + text + "'", e);
        }
    }
}
