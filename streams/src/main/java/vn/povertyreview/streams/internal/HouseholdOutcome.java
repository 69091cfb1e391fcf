package vn.povertyreview.streams.internal;

import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.schemas.internal.UnitTally;

/** What the household steps emit, each kind to its own topic. */
public sealed interface HouseholdOutcome {

    /** A record that breaks a rule, keyed {@code <reviewYear>/<householdId>} (or as it arrived), for the rejected-reviews topic. */
    record Rejection(RejectedReview rejected) implements HouseholdOutcome {
    }

    /** A checked review or a withdrawal, keyed by household id, on its way to the household's history. */
    record Checked(HouseholdChange change) implements HouseholdOutcome {
    }

    /** A change to the counts of the unit in the record key ({@code <reviewYear>/<unitCode>}). */
    record UnitChange(UnitTally delta) implements HouseholdOutcome {
    }

    /**
     * The classification disagreement of the household and year in the record key
     * ({@code <reviewYear>/<householdId>}); null when it no longer disagrees.
     */
    record Disagreement(ClassificationDisagreement disagreement) implements HouseholdOutcome {
    }
}
