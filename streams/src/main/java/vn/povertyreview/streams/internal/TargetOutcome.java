package vn.povertyreview.streams.internal;

import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetStatus;

/** What assessing a unit's targets gives: a changed status (or its removal), or an alert. */
public sealed interface TargetOutcome {

    /** A target's new status, keyed {@code <reviewYear>/<unitCode>/<measure>}; null: the target is gone (a tombstone). */
    record StatusChange(TargetStatus status) implements TargetOutcome {
    }

    /** An alert raised for the first time, keyed by its alert id. */
    record Alert(TargetGapAlert alert) implements TargetOutcome {
    }
}
