package vn.povertyreview.streams.internal;

import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.internal.UnitTally;

/** What the household step emits: a change to one unit's counts, or a record it could not count. */
public sealed interface HouseholdOutcome {

    /** A change to the counts of the unit in the record key ({@code <reviewYear>/<unitCode>}). */
    record UnitChange(UnitTally delta) implements HouseholdOutcome {
    }

    /** A record that breaks a rule, keyed as it arrived, for the rejected-reviews topic. */
    record Rejection(RejectedReview rejected) implements HouseholdOutcome {
    }
}
