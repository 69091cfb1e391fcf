package vn.povertyreview.streams.internal;

import vn.povertyreview.domain.rollup.Tally;

/**
 * The summed change of one unit's counts since the task's last commit, and the time of the latest
 * review record in it.
 */
public record PendingChange(Tally change, long asOf) {

    PendingChange plus(PendingChange other) {
        return new PendingChange(change.plus(other.change), Math.max(asOf, other.asOf));
    }
}
