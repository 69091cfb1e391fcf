package vn.povertyreview.domain.rollup;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.povertyreview.domain.movement.MovementFigure;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

/**
 * The counted figures of a unit's rollup, each a number of households, with the column analysts
 * read it from and its meaning in Vietnamese and English.
 *
 * <p>The ordinal is the position of the figure in a stored {@link Tally}, so new figures are only
 * ever appended: a tally stored before a figure existed reads that figure as zero.
 *
 * <p>Four kinds of figures: those of the household's latest review of the year (counted in every
 * unit of its place), the classification check of that review against the standard, the
 * movement over the year ({@link MovementFigure}, from the household's reviews of this and earlier
 * years), and the start-of-year baselines ({@link #START_HOUSEHOLDS},
 * {@link #START_ETHNIC_MINORITY_POOR}: the previous year's final figures, counted on each
 * household's start path like {@link #START_POOR}, but outside the movement's balances).
 */
public enum Figure {
    /** Households whose latest review of the year counts in the unit. */
    HOUSEHOLDS("total_households", "Tổng số hộ", "Total households"),
    /** Of those, classified poor by the reviewer. */
    POOR("poor_households", "Số hộ nghèo", "Poor households"),
    /** Of those, classified near-poor by the reviewer. */
    NEAR_POOR("near_poor_households", "Số hộ cận nghèo", "Near-poor households"),

    ETHNIC_MINORITY("Số hộ dân tộc thiểu số", "Ethnic-minority households"),
    ETHNIC_MINORITY_POOR("Số hộ nghèo dân tộc thiểu số", "Ethnic-minority poor households"),
    POOR_WITH_MERIT("Hộ nghèo có thành viên là người có công với cách mạng",
            "Poor households with a member with merit to the revolution"),
    POOR_SOCIAL_PROTECTION("Hộ nghèo thuộc diện bảo trợ xã hội", "Poor social-protection households"),
    POOR_WITHOUT_LABOUR_CAPACITY("Hộ nghèo không có khả năng lao động", "Poor households without labour capacity"),
    /** Not set (absent) for a year whose standard has no average-living band. */
    AVERAGE_LIVING("Hộ có mức sống trung bình (theo thu nhập, hộ không nghèo)",
            "Average-living-standard households (by income, among households not poor)"),
    /** Not set (absent) for a year whose standard has no average-living band. */
    AVERAGE_LIVING_AGRICULTURE("Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình",
            "Agriculture, forestry or fishery households of average living standard"),

    POOR_DEPRIVED_EMPLOYMENT(Classification.POOR, Indicator.EMPLOYMENT),
    POOR_DEPRIVED_DEPENDENTS(Classification.POOR, Indicator.DEPENDENTS),
    POOR_DEPRIVED_NUTRITION(Classification.POOR, Indicator.NUTRITION),
    POOR_DEPRIVED_HEALTH_INSURANCE(Classification.POOR, Indicator.HEALTH_INSURANCE),
    POOR_DEPRIVED_ADULT_EDUCATION(Classification.POOR, Indicator.ADULT_EDUCATION),
    POOR_DEPRIVED_CHILD_SCHOOLING(Classification.POOR, Indicator.CHILD_SCHOOLING),
    POOR_DEPRIVED_HOUSING_QUALITY(Classification.POOR, Indicator.HOUSING_QUALITY),
    POOR_DEPRIVED_HOUSING_AREA(Classification.POOR, Indicator.HOUSING_AREA),
    POOR_DEPRIVED_DRINKING_WATER(Classification.POOR, Indicator.DRINKING_WATER),
    POOR_DEPRIVED_SANITATION(Classification.POOR, Indicator.SANITATION),
    POOR_DEPRIVED_TELECOM(Classification.POOR, Indicator.TELECOM),
    POOR_DEPRIVED_INFORMATION_ASSETS(Classification.POOR, Indicator.INFORMATION_ASSETS),
    NEAR_POOR_DEPRIVED_EMPLOYMENT(Classification.NEAR_POOR, Indicator.EMPLOYMENT),
    NEAR_POOR_DEPRIVED_DEPENDENTS(Classification.NEAR_POOR, Indicator.DEPENDENTS),
    NEAR_POOR_DEPRIVED_NUTRITION(Classification.NEAR_POOR, Indicator.NUTRITION),
    NEAR_POOR_DEPRIVED_HEALTH_INSURANCE(Classification.NEAR_POOR, Indicator.HEALTH_INSURANCE),
    NEAR_POOR_DEPRIVED_ADULT_EDUCATION(Classification.NEAR_POOR, Indicator.ADULT_EDUCATION),
    NEAR_POOR_DEPRIVED_CHILD_SCHOOLING(Classification.NEAR_POOR, Indicator.CHILD_SCHOOLING),
    NEAR_POOR_DEPRIVED_HOUSING_QUALITY(Classification.NEAR_POOR, Indicator.HOUSING_QUALITY),
    NEAR_POOR_DEPRIVED_HOUSING_AREA(Classification.NEAR_POOR, Indicator.HOUSING_AREA),
    NEAR_POOR_DEPRIVED_DRINKING_WATER(Classification.NEAR_POOR, Indicator.DRINKING_WATER),
    NEAR_POOR_DEPRIVED_SANITATION(Classification.NEAR_POOR, Indicator.SANITATION),
    NEAR_POOR_DEPRIVED_TELECOM(Classification.NEAR_POOR, Indicator.TELECOM),
    NEAR_POOR_DEPRIVED_INFORMATION_ASSETS(Classification.NEAR_POOR, Indicator.INFORMATION_ASSETS),

    /** Alkire–Foster: households deprived in at least the standard's cutoff (3) of its indicators. */
    MULTIDIMENSIONALLY_POOR("Hộ thiếu hụt từ 3 chỉ số trở lên (Alkire–Foster)",
            "Households deprived in 3 or more of the 12 indicators (Alkire–Foster poor)"),
    /** Alkire–Foster: the number of deprivations of those households, summed. */
    MULTIDIMENSIONAL_DEPRIVATIONS("Tổng số chỉ số thiếu hụt của các hộ thiếu hụt từ 3 chỉ số trở lên",
            "Deprivations of those households, summed"),

    CLASSIFICATION_AGREES("Hộ được phân loại đúng theo chuẩn", "Households whose classification agrees with the standard"),
    CLASSIFICATION_UNVERIFIED("Hộ chưa kiểm tra được phân loại (thiếu thu nhập)",
            "Households whose classification cannot be checked (no income given)"),
    REVIEWER_POOR_STANDARD_NEAR_POOR(Classification.POOR, Classification.NEAR_POOR),
    REVIEWER_POOR_STANDARD_NOT_POOR(Classification.POOR, Classification.NOT_POOR),
    REVIEWER_NEAR_POOR_STANDARD_POOR(Classification.NEAR_POOR, Classification.POOR),
    REVIEWER_NEAR_POOR_STANDARD_NOT_POOR(Classification.NEAR_POOR, Classification.NOT_POOR),
    REVIEWER_NOT_POOR_STANDARD_POOR(Classification.NOT_POOR, Classification.POOR),
    REVIEWER_NOT_POOR_STANDARD_NEAR_POOR(Classification.NOT_POOR, Classification.NEAR_POOR),

    START_POOR(MovementFigure.START_POOR),
    ESCAPED(MovementFigure.ESCAPED),
    ESCAPED_INTO_NEAR_POOR(MovementFigure.ESCAPED_INTO_NEAR_POOR),
    NEWLY_POOR(MovementFigure.NEWLY_POOR),
    RE_POOR(MovementFigure.RE_POOR),
    POOR_MOVED_IN(MovementFigure.POOR_MOVED_IN),
    POOR_MOVED_OUT(MovementFigure.POOR_MOVED_OUT),
    POOR_NOT_YET_REVIEWED(MovementFigure.POOR_NOT_YET_REVIEWED),
    END_POOR(MovementFigure.END_POOR),
    START_NEAR_POOR(MovementFigure.START_NEAR_POOR),
    EXITED_NEAR_POOR(MovementFigure.EXITED_NEAR_POOR),
    EXITED_NEAR_POOR_INTO_POOR(MovementFigure.EXITED_NEAR_POOR_INTO_POOR),
    EXITED_NEAR_POOR_INTO_NOT_POOR(MovementFigure.EXITED_NEAR_POOR_INTO_NOT_POOR),
    NEWLY_NEAR_POOR(MovementFigure.NEWLY_NEAR_POOR),
    RE_NEAR_POOR(MovementFigure.RE_NEAR_POOR),
    NEAR_POOR_MOVED_IN(MovementFigure.NEAR_POOR_MOVED_IN),
    NEAR_POOR_MOVED_OUT(MovementFigure.NEAR_POOR_MOVED_OUT),
    NEAR_POOR_NOT_YET_REVIEWED(MovementFigure.NEAR_POOR_NOT_YET_REVIEWED),
    END_NEAR_POOR(MovementFigure.END_NEAR_POOR),
    NEWLY_ESCAPED(MovementFigure.NEWLY_ESCAPED),

    /**
     * Households with a counted review in the previous year, counted on their start path (see
     * {@link vn.povertyreview.domain.movement.Movements}): the previous year's final total as the
     * baseline of the year, in this year's map. Not a movement figure.
     */
    START_HOUSEHOLDS("start_households", "Tổng số hộ đầu kỳ (cuối năm trước)",
            "Households at the start of the year (the previous year's final)"),
    /** Of those, ethnic-minority households poor in the previous year. Not a movement figure. */
    START_ETHNIC_MINORITY_POOR("start_ethnic_minority_poor", "Hộ nghèo dân tộc thiểu số đầu kỳ",
            "Ethnic-minority poor households at the start of the year");

    private static final Map<MovementFigure, Figure> BY_MOVEMENT = new EnumMap<>(MovementFigure.class);
    private static final Map<Indicator, Figure> POOR_DEPRIVED = new EnumMap<>(Indicator.class);
    private static final Map<Indicator, Figure> NEAR_POOR_DEPRIVED = new EnumMap<>(Indicator.class);
    private static final Map<Classification, Map<Classification, Figure>> CHECKS = new EnumMap<>(Classification.class);

    static {
        for (Figure figure : values()) {
            figure.movement().ifPresent(movement -> BY_MOVEMENT.put(movement, figure));
            if (figure.deprivedIn != null) {
                (figure.deprivedClass == Classification.POOR ? POOR_DEPRIVED : NEAR_POOR_DEPRIVED).put(figure.deprivedIn, figure);
            }
            if (figure.reviewerClass != null) {
                CHECKS.computeIfAbsent(figure.reviewerClass, c -> new EnumMap<>(Classification.class)).put(figure.standardClass, figure);
            }
        }
        for (MovementFigure movement : MovementFigure.values()) {
            if (!BY_MOVEMENT.containsKey(movement)) {
                throw new ExceptionInInitializerError("movement figure " + movement + " has no rollup figure");
            }
        }
    }

    private final String column;
    private final String vietnamese;
    private final String english;
    private final MovementFigure movement;
    private final Classification deprivedClass;
    private final Indicator deprivedIn;
    private final Classification reviewerClass;
    private final Classification standardClass;

    Figure(String column, String vietnamese, String english) {
        this(column, vietnamese, english, null, null, null, null, null);
    }

    Figure(String vietnamese, String english) {
        this(null, vietnamese, english);
    }

    /** Households of {@code classification} deprived in {@code indicator}. */
    Figure(Classification classification, Indicator indicator) {
        this(null,
                (classification == Classification.POOR ? "Hộ nghèo" : "Hộ cận nghèo") + " thiếu hụt " + indicator.vietnamese(),
                (classification == Classification.POOR ? "Poor" : "Near-poor") + " households deprived in " + indicator.english(),
                null, classification, indicator, null, null);
    }

    /** A disagreement: the reviewer classified {@code reviewer}, the standard gives {@code standard}. */
    Figure(Classification reviewer, Classification standard) {
        this(null,
                "Hộ rà soát là " + vietnamese(reviewer) + " nhưng theo chuẩn là " + vietnamese(standard),
                "Households classified " + english(reviewer) + " by the reviewer but " + english(standard) + " by the standard",
                null, null, null, reviewer, standard);
    }

    Figure(MovementFigure movement) {
        this(null, movement.vietnamese(), movement.english(), movement, null, null, null, null);
    }

    Figure(String column, String vietnamese, String english, MovementFigure movement,
            Classification deprivedClass, Indicator deprivedIn, Classification reviewerClass, Classification standardClass) {
        this.column = column != null ? column : name().toLowerCase(Locale.ROOT);
        this.vietnamese = vietnamese;
        this.english = english;
        this.movement = movement;
        this.deprivedClass = deprivedClass;
        this.deprivedIn = deprivedIn;
        this.reviewerClass = reviewerClass;
        this.standardClass = standardClass;
    }

    /** The column of table {@code unit_rollup} that holds this figure. */
    public String column() {
        return column;
    }

    /** The figure's meaning in Vietnamese. */
    public String vietnamese() {
        return vietnamese;
    }

    /** The figure's meaning in English. */
    public String english() {
        return english;
    }

    /** The movement figure this figure reports, if it is one. */
    public Optional<MovementFigure> movement() {
        return Optional.ofNullable(movement);
    }

    public static Figure of(MovementFigure movement) {
        return BY_MOVEMENT.get(movement);
    }

    /** The figure counting households of {@code classification} (poor or near-poor) deprived in {@code indicator}. */
    public static Figure deprived(Classification classification, Indicator indicator) {
        return switch (classification) {
            case POOR -> POOR_DEPRIVED.get(indicator);
            case NEAR_POOR -> NEAR_POOR_DEPRIVED.get(indicator);
            case NOT_POOR -> throw new IllegalArgumentException("deprivations are counted for poor and near-poor households only");
        };
    }

    /** The figure counting reviews classified {@code reviewer} that the standard classifies {@code standard}. */
    public static Figure classificationCheck(Classification reviewer, Classification standard) {
        return reviewer == standard ? CLASSIFICATION_AGREES : CHECKS.get(reviewer).get(standard);
    }

    private static String vietnamese(Classification classification) {
        return switch (classification) {
            case POOR -> "hộ nghèo";
            case NEAR_POOR -> "hộ cận nghèo";
            case NOT_POOR -> "hộ không nghèo";
        };
    }

    private static String english(Classification classification) {
        return switch (classification) {
            case POOR -> "poor";
            case NEAR_POOR -> "near-poor";
            case NOT_POOR -> "not poor";
        };
    }
}
