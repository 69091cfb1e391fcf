package vn.povertyreview.domain.movement;

import java.util.Map;
import vn.povertyreview.domain.review.Classification;

/**
 * The movement figures of one status (poor or near-poor), so that both are counted by the same
 * code and cannot drift apart. {@code leftInto} names the figure that splits the households that
 * left the status by what they became.
 */
record StatusFigures(
        Classification status,
        MovementFigure start,
        MovementFigure left,
        Map<Classification, MovementFigure> leftInto,
        MovementFigure newly,
        MovementFigure again,
        MovementFigure movedIn,
        MovementFigure movedOut,
        MovementFigure notYetReviewed,
        MovementFigure end) {

    static final StatusFigures POOR = new StatusFigures(Classification.POOR,
            MovementFigure.START_POOR,
            MovementFigure.ESCAPED,
            Map.of(Classification.NEAR_POOR, MovementFigure.ESCAPED_INTO_NEAR_POOR),
            MovementFigure.NEWLY_POOR,
            MovementFigure.RE_POOR,
            MovementFigure.POOR_MOVED_IN,
            MovementFigure.POOR_MOVED_OUT,
            MovementFigure.POOR_NOT_YET_REVIEWED,
            MovementFigure.END_POOR);

    static final StatusFigures NEAR_POOR = new StatusFigures(Classification.NEAR_POOR,
            MovementFigure.START_NEAR_POOR,
            MovementFigure.EXITED_NEAR_POOR,
            Map.of(Classification.POOR, MovementFigure.EXITED_NEAR_POOR_INTO_POOR,
                    Classification.NOT_POOR, MovementFigure.EXITED_NEAR_POOR_INTO_NOT_POOR),
            MovementFigure.NEWLY_NEAR_POOR,
            MovementFigure.RE_NEAR_POOR,
            MovementFigure.NEAR_POOR_MOVED_IN,
            MovementFigure.NEAR_POOR_MOVED_OUT,
            MovementFigure.NEAR_POOR_NOT_YET_REVIEWED,
            MovementFigure.END_NEAR_POOR);

    /**
     * Adds one household's figures for one unit to {@code counts}. {@code before} and {@code after}
     * are its statuses last year and this year (null when it has none); {@code hadBefore} whether it
     * had this status in any year before this one; {@code inStart} and {@code inEnd} whether the
     * unit is on its start and end paths.
     */
    void count(long[] counts, Classification before, Classification after, boolean hadBefore, boolean inStart, boolean inEnd) {
        if (before == status) {
            if (inStart) {
                counts[start.ordinal()]++;
            }
            if (after == null) {
                if (inStart) {
                    counts[notYetReviewed.ordinal()]++;
                }
            } else {
                if (inStart && !inEnd) {
                    counts[movedOut.ordinal()]++;
                }
                if (inEnd && !inStart) {
                    counts[movedIn.ordinal()]++;
                }
                if (after != status && inEnd) {
                    counts[left.ordinal()]++;
                    MovementFigure into = leftInto.get(after);
                    if (into != null) {
                        counts[into.ordinal()]++;
                    }
                }
            }
        }
        if (after == status && inEnd) {
            counts[end.ordinal()]++;
            if (before != status) {
                counts[(hadBefore ? again : newly).ordinal()]++;
            }
        }
    }
}
