package vn.povertyreview.domain.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import vn.povertyreview.domain.standard.PovertyStandard;

/**
 * The measures derived from a unit's figures: rates in percent as officials state them, and the
 * Alkire–Foster multidimensional measures as ratios between 0 and 1, with the standard's cutoff
 * (3) of its equally weighted indicators (12).
 */
public enum Measure {
    POOR_RATE("poor_rate", "Tỷ lệ hộ nghèo (%) = hộ nghèo / tổng số hộ × 100", "Poverty rate (%) = poor / total households × 100"),
    NEAR_POOR_RATE("near_poor_rate", "Tỷ lệ hộ cận nghèo (%)", "Near-poverty rate (%) = near-poor / total households × 100"),
    ETHNIC_MINORITY_POOR_RATE("ethnic_minority_poor_rate",
            "Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ (%)",
            "Ethnic-minority poor households over all households (%)"),
    ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY("ethnic_minority_poor_rate_among_ethnic_minority",
            "Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ dân tộc thiểu số (%)",
            "Ethnic-minority poor households over ethnic-minority households (%)"),
    MULTIDIMENSIONAL_HEADCOUNT_RATIO("multidimensional_headcount_ratio",
            "Tỷ lệ hộ nghèo đa chiều H (Alkire–Foster) = hộ thiếu hụt từ 3 chỉ số / tổng số hộ",
            "Alkire–Foster headcount ratio H = households deprived in 3 or more indicators / total households"),
    MULTIDIMENSIONAL_INTENSITY("multidimensional_intensity",
            "Cường độ thiếu hụt bình quân A của các hộ thiếu hụt từ 3 chỉ số (số chỉ số thiếu hụt / 12); trống khi không có hộ nào",
            "Alkire–Foster average intensity A among those households (deprivations / 12); empty when there are none"),
    MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT("multidimensional_adjusted_headcount",
            "Chỉ số nghèo đa chiều điều chỉnh M0 = H × A",
            "Alkire–Foster adjusted headcount ratio M0 = H × A");

    /** Decimals of the Alkire–Foster ratios: rates have four decimals of a percent, ratios six of a unit. */
    public static final int RATIO_SCALE = 6;

    private final String column;
    private final String vietnamese;
    private final String english;

    Measure(String column, String vietnamese, String english) {
        this.column = column;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The column of table {@code unit_rollup} that holds this measure. */
    public String column() {
        return column;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /**
     * Whether this is a rate in percent of two counts, which a report shows with 2 decimals rounded
     * once from the counts ({@link Rates#shown}); the others are Alkire–Foster ratios.
     */
    public boolean isRate() {
        return switch (this) {
            case POOR_RATE, NEAR_POOR_RATE, ETHNIC_MINORITY_POOR_RATE, ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY -> true;
            case MULTIDIMENSIONAL_HEADCOUNT_RATIO, MULTIDIMENSIONAL_INTENSITY, MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT -> false;
        };
    }

    /** The measure of a unit with {@code sum}; empty when undefined (average intensity with no one to average). */
    public Optional<BigDecimal> of(Tally sum, PovertyStandard standard) {
        long households = sum.get(Figure.HOUSEHOLDS);
        long mdPoor = sum.get(Figure.MULTIDIMENSIONALLY_POOR);
        long deprivations = sum.get(Figure.MULTIDIMENSIONAL_DEPRIVATIONS);
        long indicators = standard.indicators().size();
        return switch (this) {
            case POOR_RATE -> Optional.of(Rates.percent(sum.get(Figure.POOR), households));
            case NEAR_POOR_RATE -> Optional.of(Rates.percent(sum.get(Figure.NEAR_POOR), households));
            case ETHNIC_MINORITY_POOR_RATE -> Optional.of(Rates.percent(sum.get(Figure.ETHNIC_MINORITY_POOR), households));
            case ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY ->
                    Optional.of(Rates.percent(sum.get(Figure.ETHNIC_MINORITY_POOR), sum.get(Figure.ETHNIC_MINORITY)));
            case MULTIDIMENSIONAL_HEADCOUNT_RATIO -> Optional.of(ratio(mdPoor, households));
            case MULTIDIMENSIONAL_INTENSITY -> mdPoor == 0 ? Optional.empty() : Optional.of(ratio(deprivations, mdPoor * indicators));
            case MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT -> Optional.of(ratio(deprivations, households * indicators));
        };
    }

    /** {@code part / whole}, half up to {@link #RATIO_SCALE} decimals; zero for an empty unit, like the rates. */
    private static BigDecimal ratio(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE, RoundingMode.HALF_UP);
    }
}
