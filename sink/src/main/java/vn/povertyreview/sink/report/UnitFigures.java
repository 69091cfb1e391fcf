package vn.povertyreview.sink.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;

/**
 * One unit's row of {@code unit_rollup} in one review year, as a report reads it: the unit, its
 * counts and its stored Alkire–Foster ratios. A figure or measure missing from its map is not set
 * (NULL in the table). Immutable.
 *
 * @param measures the Alkire–Foster ratios the rollup stored ({@link Measure#isRate()} false); the
 *                 rates are never read, they are computed from the counts where they are shown
 */
public record UnitFigures(String unitCode, String unitName, String unitLevel, String parentCode, Map<Figure, Long> figures,
        Map<Measure, BigDecimal> measures) {

    public UnitFigures {
        EnumMap<Figure, Long> copy = new EnumMap<>(Figure.class);
        copy.putAll(figures);
        figures = Collections.unmodifiableMap(copy);
        EnumMap<Measure, BigDecimal> ratios = new EnumMap<>(Measure.class);
        ratios.putAll(measures);
        measures = Collections.unmodifiableMap(ratios);
    }

    public UnitFigures(String unitCode, String unitName, String unitLevel, String parentCode, Map<Figure, Long> figures) {
        this(unitCode, unitName, unitLevel, parentCode, figures, Map.of());
    }

    /** The figure, or null when it is not set. */
    public Long figure(Figure figure) {
        return figures.get(figure);
    }

    /** The Alkire–Foster ratio, or null when it is not set (the intensity of a unit without multidimensionally poor households). */
    public BigDecimal measure(Measure measure) {
        return measures.get(measure);
    }
}
