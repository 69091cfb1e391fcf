package vn.povertyreview.domain.target;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

/** Builds targets for tests: {@code aTarget().households("13").build()}, and the sums they are judged on. */
final class Targets {

    private String unitCode = "15271";
    private int reviewYear = 2025;
    private TargetMeasure measure = TargetMeasure.POVERTY_RATE;
    private TargetKind kind = TargetKind.HOUSEHOLDS;
    private BigDecimal value = BigDecimal.TEN;
    private PovertyCount statedBaseline;

    private Targets() {
    }

    static Targets aTarget() {
        return new Targets();
    }

    static PovertyCount count(long poorHouseholds, long totalHouseholds) {
        return new PovertyCount(poorHouseholds, totalHouseholds);
    }

    /** A unit's rollup sum with these counts, every other figure zero: {@code sum(Map.of(Figure.HOUSEHOLDS, 10L))}. */
    static Tally sum(Map<Figure, Long> counts) {
        long[] array = new long[Figure.values().length];
        counts.forEach((figure, count) -> array[figure.ordinal()] = count);
        return Tally.of(array);
    }

    Targets of(TargetKind kind, String value) {
        this.kind = kind;
        this.value = value == null ? null : new BigDecimal(value);
        return this;
    }

    Targets ratePoints(String value) {
        return of(TargetKind.RATE_POINTS, value);
    }

    Targets households(String value) {
        return of(TargetKind.HOUSEHOLDS, value);
    }

    Targets baselinePercent(String value) {
        return of(TargetKind.BASELINE_PERCENT, value);
    }

    Targets endRate(String value) {
        return of(TargetKind.END_RATE, value);
    }

    Targets forUnit(String unitCode) {
        this.unitCode = unitCode;
        return this;
    }

    Targets inYear(int reviewYear) {
        this.reviewYear = reviewYear;
        return this;
    }

    Targets measuring(TargetMeasure measure) {
        this.measure = measure;
        return this;
    }

    Targets statingBaseline(long poorHouseholds, long totalHouseholds) {
        this.statedBaseline = count(poorHouseholds, totalHouseholds);
        return this;
    }

    Target build() {
        return new Target(unitCode, reviewYear, measure, kind, value, Optional.ofNullable(statedBaseline));
    }
}
