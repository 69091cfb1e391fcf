package vn.povertyreview.domain.movement;

import static vn.povertyreview.domain.movement.MovementFigure.END_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.END_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.ESCAPED;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR_INTO_NOT_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR_INTO_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_MOVED_IN;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_MOVED_OUT;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.movement.MovementFigure.NEWLY_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.NEWLY_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_MOVED_IN;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_MOVED_OUT;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.movement.MovementFigure.RE_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.RE_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.START_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.START_POOR;

/**
 * An equation that a unit's summed movement figures must satisfy in every year. Each has a left
 * side (one figure) and a right side (a signed sum of figures); a unit whose sides differ has a
 * counting error somewhere upstream, and {@link MovementBalance} reports it.
 *
 * <p>Immutable and thread-safe.
 */
public enum MovementIdentity {
    /** Cân đối hộ nghèo: end = start − escaped + newly poor + re-poor + moved in − moved out − not yet reviewed. */
    POOR_BALANCE("Cân đối hộ nghèo", "Poor household balance", END_POOR,
            new MovementFigure[] {START_POOR, NEWLY_POOR, RE_POOR, POOR_MOVED_IN},
            new MovementFigure[] {ESCAPED, POOR_MOVED_OUT, POOR_NOT_YET_REVIEWED}),
    /** Cân đối hộ cận nghèo: the same for near-poor households, with exits for escapes. */
    NEAR_POOR_BALANCE("Cân đối hộ cận nghèo", "Near-poor household balance", END_NEAR_POOR,
            new MovementFigure[] {START_NEAR_POOR, NEWLY_NEAR_POOR, RE_NEAR_POOR, NEAR_POOR_MOVED_IN},
            new MovementFigure[] {EXITED_NEAR_POOR, NEAR_POOR_MOVED_OUT, NEAR_POOR_NOT_YET_REVIEWED}),
    /** Every household that left near-poverty is now either poor or neither poor nor near-poor. */
    NEAR_POOR_EXIT_SPLIT("Phân tách hộ thoát cận nghèo", "Split of households that left near-poverty", EXITED_NEAR_POOR,
            new MovementFigure[] {EXITED_NEAR_POOR_INTO_POOR, EXITED_NEAR_POOR_INTO_NOT_POOR},
            new MovementFigure[] {});

    private final String vietnamese;
    private final String english;
    private final MovementFigure left;
    private final MovementFigure[] added;
    private final MovementFigure[] subtracted;

    MovementIdentity(String vietnamese, String english, MovementFigure left, MovementFigure[] added, MovementFigure[] subtracted) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.left = left;
        this.added = added;
        this.subtracted = subtracted;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** The value of the left side in {@code tally}. */
    public long left(MovementTally tally) {
        return tally.get(left);
    }

    /** The value of the right side in {@code tally}. */
    public long right(MovementTally tally) {
        long sum = 0;
        for (MovementFigure figure : added) {
            sum = Math.addExact(sum, tally.get(figure));
        }
        for (MovementFigure figure : subtracted) {
            sum = Math.subtractExact(sum, tally.get(figure));
        }
        return sum;
    }

    /** The equation in figure names, e.g. {@code END_POOR = START_POOR + NEWLY_POOR + … − ESCAPED − …}. */
    public String formula() {
        StringBuilder sb = new StringBuilder(left.name()).append(" = ");
        String separator = "";
        for (MovementFigure figure : added) {
            sb.append(separator).append(figure.name());
            separator = " + ";
        }
        for (MovementFigure figure : subtracted) {
            sb.append(" − ").append(figure.name());
        }
        return sb.toString();
    }
}
