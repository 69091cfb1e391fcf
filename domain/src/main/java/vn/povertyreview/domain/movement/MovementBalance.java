package vn.povertyreview.domain.movement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks summed movement figures against every {@link MovementIdentity}. Figures built only from
 * {@link Movements} contributions always balance; a violation means a contribution was lost,
 * repeated or not taken out again, and is returned for the caller to log and count, never hidden
 * or corrected.
 *
 * <p>Stateless and thread-safe.
 */
public final class MovementBalance {

    private MovementBalance() {
    }

    /** The identities that the figures of one unit in one year break; empty when all hold. */
    public static List<BalanceViolation> check(String unitCode, int year, MovementTally figures) {
        List<BalanceViolation> violations = new ArrayList<>(0);
        addViolations(unitCode, year, figures, violations);
        return List.copyOf(violations);
    }

    /**
     * The identities that the figures of the units of one year break, unit by unit in the order of
     * {@code figuresByUnit}; empty when all hold.
     */
    public static List<BalanceViolation> check(int year, Map<String, MovementTally> figuresByUnit) {
        List<BalanceViolation> violations = new ArrayList<>(0);
        for (Map.Entry<String, MovementTally> unit : figuresByUnit.entrySet()) {
            addViolations(unit.getKey(), year, unit.getValue(), violations);
        }
        return List.copyOf(violations);
    }

    private static void addViolations(String unitCode, int year, MovementTally figures, List<BalanceViolation> out) {
        for (MovementIdentity identity : MovementIdentity.values()) {
            long left = identity.left(figures);
            long right = identity.right(figures);
            if (left != right) {
                out.add(new BalanceViolation(unitCode, year, identity, left, right));
            }
        }
    }
}
