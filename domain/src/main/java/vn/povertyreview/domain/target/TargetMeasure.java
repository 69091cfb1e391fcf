package vn.povertyreview.domain.target;

import java.util.Objects;
import java.util.Optional;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.rollup.Tally;

/**
 * What a target reduces: which households count as "poor" for it. Both rates are over all the
 * unit's households, so a target's rate and its households always move together.
 */
public enum TargetMeasure {
    /** Poor households over all households. */
    POVERTY_RATE("Tỷ lệ hộ nghèo", "Poverty rate",
            "tỷ lệ hộ nghèo", "poverty rate", "hộ nghèo", "poor households",
            Figure.POOR, Figure.START_POOR, Measure.POOR_RATE),
    /**
     * Ethnic-minority poor households over all households, not over ethnic-minority households:
     * that is how provinces report it, so that it adds up with the poverty rate.
     */
    ETHNIC_MINORITY_POVERTY_RATE("Tỷ lệ hộ nghèo dân tộc thiểu số (trên tổng số hộ)",
            "Ethnic-minority poverty rate (over all households)",
            "tỷ lệ hộ nghèo dân tộc thiểu số", "ethnic-minority poverty rate",
            "hộ nghèo dân tộc thiểu số", "ethnic-minority poor households",
            Figure.ETHNIC_MINORITY_POOR, Figure.START_ETHNIC_MINORITY_POOR, Measure.ETHNIC_MINORITY_POOR_RATE);

    private final String vietnamese;
    private final String english;
    private final String rateVi;
    private final String rateEn;
    private final String poorVi;
    private final String poorEn;
    private final Figure poorFigure;
    private final Figure startPoorFigure;
    private final Measure rollupMeasure;

    TargetMeasure(String vietnamese, String english, String rateVi, String rateEn, String poorVi, String poorEn,
            Figure poorFigure, Figure startPoorFigure, Measure rollupMeasure) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.rateVi = rateVi;
        this.rateEn = rateEn;
        this.poorVi = poorVi;
        this.poorEn = poorEn;
        this.poorFigure = poorFigure;
        this.startPoorFigure = startPoorFigure;
        this.rollupMeasure = rollupMeasure;
    }

    /** The measure's name in Vietnamese. */
    public String vietnamese() {
        return vietnamese;
    }

    /** The measure's name in English. */
    public String english() {
        return english;
    }

    /** The rate as a sentence names it in Vietnamese ("tỷ lệ hộ nghèo"). */
    public String rateVi() {
        return rateVi;
    }

    /** The rate as a sentence names it in English ("poverty rate"). */
    public String rateEn() {
        return rateEn;
    }

    /** The households it counts as a sentence names them in Vietnamese ("hộ nghèo"). */
    public String poorHouseholdsVi() {
        return poorVi;
    }

    /** The households it counts as a sentence names them in English ("poor households"). */
    public String poorHouseholdsEn() {
        return poorEn;
    }

    /** The rollup figure counting the households this measure counts as poor. */
    public Figure poorFigure() {
        return poorFigure;
    }

    /** The rollup measure reporting this rate, so that a target and a report agree on it. */
    public Measure rollupMeasure() {
        return rollupMeasure;
    }

    /** The poor and all households of a unit whose rollup figures are {@code sum}, as this measure counts them. */
    public PovertyCount countIn(Tally sum) {
        Objects.requireNonNull(sum, "sum");
        return new PovertyCount(sum.get(poorFigure), sum.get(Figure.HOUSEHOLDS));
    }

    /**
     * The unit's final figure of the previous review year, as this measure counts it: its start of
     * the year in {@code sum}, the start poor over {@link Figure#START_HOUSEHOLDS}. The start
     * figures, not last year's rollup, because they follow each household across the 2025 reform,
     * so that a merged commune has a previous year too. Empty when START_HOUSEHOLDS is 0: no
     * household of the unit was in the previous year's final figures. This is the baseline unless
     * the target states its own ({@link Target#baselineOr}).
     */
    public Optional<PovertyCount> previousYearFinalIn(Tally sum) {
        Objects.requireNonNull(sum, "sum");
        long startHouseholds = sum.get(Figure.START_HOUSEHOLDS);
        return startHouseholds == 0 ? Optional.empty()
                : Optional.of(new PovertyCount(sum.get(startPoorFigure), startHouseholds));
    }
}
