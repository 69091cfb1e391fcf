package vn.povertyreview.domain.target;

import java.util.Objects;

/**
 * The id of a target-gap alert, {@code <reviewYear>/<unitCode>/<measure>/<kind>/<value>/<status>}
 * as {@link #toString} writes it: one per target and status, so that an alert kept by its id is
 * never raised twice, while a changed target (another kind or value) can raise its own.
 *
 * <p>{@code value} is the target's value as its record spells it, not the parsed number, so that
 * ids stay what they were for every way a value may be written.
 *
 * <p>Immutable and thread-safe.
 */
public record AlertId(int reviewYear, String unitCode, TargetMeasure measure, TargetKind kind, String value,
        TargetStatus status) {

    public AlertId {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
    }

    /** The id of the alert for {@code target} reaching {@code status}, with its value as stated. */
    public static AlertId of(Target target, String value, TargetStatus status) {
        return new AlertId(target.reviewYear(), target.unitCode(), target.measure(), target.kind(), value, status);
    }

    @Override
    public String toString() {
        return reviewYear + "/" + unitCode + "/" + measure.name() + "/" + kind.name() + "/" + value + "/" + status.name();
    }
}
