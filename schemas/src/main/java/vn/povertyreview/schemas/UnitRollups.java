package vn.povertyreview.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.domain.rollup.UnitReport;
import vn.povertyreview.domain.standard.PovertyStandards;

/**
 * Reads the figures and measures of a {@link UnitRollup}, whichever version wrote it: from version
 * 3 on, the record carries the unit's sum as {@code counts} in {@link Figure} order, and the figures
 * and measures follow from it and the year's poverty standard ({@link UnitReport}), the same
 * arithmetic Streams uses; a version-2 record carries them by name. Stateless.
 */
public final class UnitRollups {

    private UnitRollups() {
    }

    /**
     * The figures and measures of the rollup. Names a version-2 record carries that this version does
     * not know are left out (they are returned by {@link #unknownNames}).
     *
     * @throws IllegalArgumentException if a version-2 measure is not a plain decimal number
     */
    public static UnitReport report(UnitRollup rollup, PovertyStandards standards) {
        if (!rollup.getCounts().isEmpty()) {
            long[] counts = new long[rollup.getCounts().size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rollup.getCounts().get(i);
            }
            return UnitReport.of(Tally.of(counts), standards.forReviewYear(rollup.getReviewYear()));
        }
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        rollup.getFigures().forEach((name, count) -> known(Figure.class, name).ifPresent(figure -> figures.put(figure, count)));
        figures.put(Figure.HOUSEHOLDS, rollup.getTotalHouseholds());
        figures.put(Figure.POOR, rollup.getPoorHouseholds());
        figures.put(Figure.NEAR_POOR, rollup.getNearPoorHouseholds());
        Map<Measure, BigDecimal> measures = new EnumMap<>(Measure.class);
        rollup.getMeasures().forEach((name, text) -> known(Measure.class, name).ifPresent(measure -> measures.put(measure, decimal(rollup, name, text))));
        measures.put(Measure.POOR_RATE, rollup.getPoorRate());
        measures.put(Measure.NEAR_POOR_RATE, rollup.getNearPoorRate());
        return new UnitReport(figures, measures);
    }

    /** Figure and measure names of a version-2 record that this version does not know. */
    public static List<String> unknownNames(UnitRollup rollup) {
        List<String> unknown = new ArrayList<>();
        rollup.getFigures().keySet().stream().filter(name -> known(Figure.class, name).isEmpty()).forEach(name -> unknown.add("Figure." + name));
        rollup.getMeasures().keySet().stream().filter(name -> known(Measure.class, name).isEmpty()).forEach(name -> unknown.add("Measure." + name));
        return unknown;
    }

    private static <E extends Enum<E>> Optional<E> known(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
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
