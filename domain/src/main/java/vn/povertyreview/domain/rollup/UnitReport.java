package vn.povertyreview.domain.rollup;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import vn.povertyreview.domain.standard.PovertyStandard;

/**
 * A unit's figures and measures as reported for one review year: a figure the year's standard
 * does not set (the average-living band of 2027–2030) and a measure that is undefined are left
 * out, so that they read as "not set" rather than as zero.
 */
public record UnitReport(Map<Figure, Long> figures, Map<Measure, BigDecimal> measures) {

    private static final Set<Figure> AVERAGE_LIVING = Set.of(Figure.AVERAGE_LIVING, Figure.AVERAGE_LIVING_AGRICULTURE);

    public UnitReport {
        figures = Collections.unmodifiableMap(new EnumMap<>(figures));
        measures = measures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(measures));
    }

    /** The report of a unit whose counts are {@code sum}, in a year governed by {@code standard}. */
    public static UnitReport of(Tally sum, PovertyStandard standard) {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            if (!AVERAGE_LIVING.contains(figure) || standard.hasAverageLivingBand()) {
                figures.put(figure, sum.get(figure));
            }
        }
        Map<Measure, BigDecimal> measures = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            measure.of(sum, standard).ifPresent(value -> measures.put(measure, value));
        }
        return new UnitReport(figures, measures);
    }
}
