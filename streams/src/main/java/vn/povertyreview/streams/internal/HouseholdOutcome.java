package vn.povertyreview.streams.internal;

import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.schemas.internal.UnitChangeBatch;

/** What the household steps emit, each kind to its own topic. */
public sealed interface HouseholdOutcome {

    /** A record that breaks a rule, keyed {@code <reviewYear>/<householdId>} (or as it arrived), for the rejected-reviews topic. */
    record Rejection(RejectedReview rejected) implements HouseholdOutcome {
    }

    /** A checked review or a withdrawal, keyed by household id, on its way to the household's history. */
    record Checked(HouseholdChange change) implements HouseholdOutcome {
    }

    /** Changes to the counts of units of the bucket in the record key ({@link UnitBuckets}). */
    record UnitChanges(UnitChangeBatch batch) implements HouseholdOutcome {
    }

    /**
     * The classification disagreement of the household and year in the record key
     * ({@code <reviewYear>/<householdId>}); null when it no longer disagrees.
     */
    record Disagreement(ClassificationDisagreement disagreement) implements HouseholdOutcome {
    }
}
