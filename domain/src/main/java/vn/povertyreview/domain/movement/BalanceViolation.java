package vn.povertyreview.domain.movement;

/**
 * A unit whose summed movement figures break an identity in a review year: {@code left} is the
 * value of the identity's left side, {@code right} that of its right side.
 *
 * <p>Immutable and thread-safe.
 */
public record BalanceViolation(String unitCode, int year, MovementIdentity identity, long left, long right) {

    /** How far the left side is above the right side. */
    public long difference() {
        return left - right;
    }

    /** A one-line description for logs, with the equation and both sides. */
    public String describe() {
        return "unit " + unitCode + " year " + year + ": " + identity + " does not balance ("
                + identity.formula() + "): left side " + left + ", right side " + right;
    }
}
