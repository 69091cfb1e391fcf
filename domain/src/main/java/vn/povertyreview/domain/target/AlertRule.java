package vn.povertyreview.domain.target;

import java.util.Objects;

/**
 * When a newly published status raises a target-gap alert. Whether that alert was raised before
 * is for the caller to remember, by its {@link AlertId}.
 */
public final class AlertRule {

    private AlertRule() {
    }

    /**
     * Whether publishing {@code status} raises an alert: when it is worse than {@code previous}
     * ({@link TargetStatus#isWorseThan}), or the year is closed and the target is missed. A
     * target's first status ({@code previous} null: none published before, or removed since)
     * counts as worse only when it is AT_RISK or MISSED, so that a target set on a unit that is on
     * track, or has met it, raises nothing.
     */
    public static boolean raises(TargetStatus previous, TargetStatus status, boolean yearClosed) {
        Objects.requireNonNull(status, "status");
        boolean worse = previous == null
                ? status == TargetStatus.AT_RISK || status == TargetStatus.MISSED
                : status.isWorseThan(previous);
        return worse || (yearClosed && status == TargetStatus.MISSED);
    }
}
