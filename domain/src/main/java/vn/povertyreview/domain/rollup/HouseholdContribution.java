package vn.povertyreview.domain.rollup;

import vn.povertyreview.domain.review.Classification;

/** What one counted household adds to every unit it lives in. */
public final class HouseholdContribution {

    private static final Tally POOR = Tally.one(Figure.HOUSEHOLDS, Figure.POOR);
    private static final Tally NEAR_POOR = Tally.one(Figure.HOUSEHOLDS, Figure.NEAR_POOR);
    private static final Tally NOT_POOR = Tally.one(Figure.HOUSEHOLDS);

    private HouseholdContribution() {
    }

    public static Tally of(Classification classification) {
        return switch (classification) {
            case POOR -> POOR;
            case NEAR_POOR -> NEAR_POOR;
            case NOT_POOR -> NOT_POOR;
        };
    }
}
