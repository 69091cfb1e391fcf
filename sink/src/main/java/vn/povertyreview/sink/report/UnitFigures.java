package vn.povertyreview.sink.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import vn.povertyreview.domain.rollup.Figure;

/**
 * One unit's row of {@code unit_rollup} in one review year, as a report reads it: the unit and its
 * counts. A figure missing from the map is not set (NULL in the table). Immutable.
 */
public record UnitFigures(String unitCode, String unitName, String unitLevel, String parentCode, Map<Figure, Long> figures) {

    public UnitFigures {
        EnumMap<Figure, Long> copy = new EnumMap<>(Figure.class);
        copy.putAll(figures);
        figures = Collections.unmodifiableMap(copy);
    }

    /** The figure, or null when it is not set. */
    public Long figure(Figure figure) {
        return figures.get(figure);
    }
}
