package vn.povertyreview.domain.rollup;

/**
 * The counted figures of a unit's rollup. The ordinal is the position of the figure in a stored
 * {@link Tally}, so new figures are only ever appended: a tally stored before a figure existed
 * reads that figure as zero.
 */
public enum Figure {
    /** Households whose latest review of the year counts in the unit. */
    HOUSEHOLDS,
    /** Of those, classified poor by the reviewer. */
    POOR,
    /** Of those, classified near-poor by the reviewer. */
    NEAR_POOR
}
