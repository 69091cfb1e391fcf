package vn.povertyreview.domain.movement;

/**
 * The figures of a unit's movement over one review year, as the official review reports give them
 * (biến động hộ nghèo, hộ cận nghèo). Each is a count of households; {@link Movements} says
 * exactly which household counts in which figure of which unit.
 *
 * <p>The ordinal is the position of the figure in a stored {@link MovementTally}, so figures are
 * only ever appended, never reordered or removed.
 *
 * <p>The poor figures balance: {@code END_POOR = START_POOR − ESCAPED + NEWLY_POOR + RE_POOR +
 * POOR_MOVED_IN − POOR_MOVED_OUT − POOR_NOT_YET_REVIEWED}; the near-poor figures likewise (see
 * {@link MovementIdentity}).
 */
public enum MovementFigure {
    /** Households poor in the previous year, counted where they stand at the start of this one. */
    START_POOR("Hộ nghèo đầu kỳ", "Poor households at the start of the year"),
    /** Poor last year, reviewed this year and no longer poor. */
    ESCAPED("Hộ thoát nghèo", "Households that escaped poverty"),
    /** Of those that escaped, the ones now near-poor. */
    ESCAPED_INTO_NEAR_POOR("Hộ thoát nghèo rơi vào cận nghèo", "Households that escaped poverty into near-poverty"),
    /** Poor this year, not poor last year, and never poor in any earlier year. */
    NEWLY_POOR("Hộ nghèo phát sinh", "Newly poor households"),
    /** Poor this year, not poor last year, but poor in some earlier year. */
    RE_POOR("Hộ tái nghèo", "Re-poor households (poor again)"),
    /** Poor last year, reviewed this year in this unit after standing elsewhere at the start. */
    POOR_MOVED_IN("Hộ nghèo chuyển đến", "Poor households moved in"),
    /** Poor last year, standing here at the start, reviewed this year elsewhere. */
    POOR_MOVED_OUT("Hộ nghèo chuyển đi", "Poor households moved out"),
    /** Poor last year and not (yet) reviewed this year. */
    POOR_NOT_YET_REVIEWED("Hộ nghèo chưa rà soát", "Poor households not yet reviewed"),
    /** Poor this year. */
    END_POOR("Hộ nghèo cuối kỳ", "Poor households at the end of the year"),

    /** Households near-poor in the previous year, counted where they stand at the start of this one. */
    START_NEAR_POOR("Hộ cận nghèo đầu kỳ", "Near-poor households at the start of the year"),
    /** Near-poor last year, reviewed this year and no longer near-poor. */
    EXITED_NEAR_POOR("Hộ thoát cận nghèo", "Households that left near-poverty"),
    /** Of those that left near-poverty, the ones now poor. */
    EXITED_NEAR_POOR_INTO_POOR("Hộ cận nghèo rơi vào nghèo", "Near-poor households that fell into poverty"),
    /** Of those that left near-poverty, the ones now neither poor nor near-poor. */
    EXITED_NEAR_POOR_INTO_NOT_POOR("Hộ thoát cận nghèo (không còn nghèo, cận nghèo)",
            "Households that left near-poverty, now neither poor nor near-poor"),
    /** Near-poor this year, not near-poor last year, and never near-poor in any earlier year. */
    NEWLY_NEAR_POOR("Hộ cận nghèo phát sinh", "Newly near-poor households"),
    /** Near-poor this year, not near-poor last year, but near-poor in some earlier year. */
    RE_NEAR_POOR("Hộ tái cận nghèo", "Re-near-poor households (near-poor again)"),
    /** Near-poor last year, reviewed this year in this unit after standing elsewhere at the start. */
    NEAR_POOR_MOVED_IN("Hộ cận nghèo chuyển đến", "Near-poor households moved in"),
    /** Near-poor last year, standing here at the start, reviewed this year elsewhere. */
    NEAR_POOR_MOVED_OUT("Hộ cận nghèo chuyển đi", "Near-poor households moved out"),
    /** Near-poor last year and not (yet) reviewed this year. */
    NEAR_POOR_NOT_YET_REVIEWED("Hộ cận nghèo chưa rà soát", "Near-poor households not yet reviewed"),
    /** Near-poor this year. */
    END_NEAR_POOR("Hộ cận nghèo cuối kỳ", "Near-poor households at the end of the year"),

    /**
     * Not poor this year and escaped poverty this year or in one of the two years before: the
     * status keeps for 36 months, that is for three annual reviews.
     */
    NEWLY_ESCAPED("Hộ mới thoát nghèo", "Newly escaped households (within 36 months)");

    private final String vietnamese;
    private final String english;

    MovementFigure(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The figure's name in the official Vietnamese reports. */
    public String vietnamese() {
        return vietnamese;
    }

    /** The figure's name in English. */
    public String english() {
        return english;
    }
}
