package vn.povertyreview.benchmarks;

import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.schemas.UnitRollup;

/** The national counts a run expects, or a NATION rollup shows. Immutable. */
record NationFigures(long households, long poor, long nearPoor) {

    static final NationFigures NONE = new NationFigures(0, 0, 0);

    static NationFigures of(Classification classification) {
        return new NationFigures(1, classification == Classification.POOR ? 1 : 0,
                classification == Classification.NEAR_POOR ? 1 : 0);
    }

    static NationFigures of(UnitRollup rollup) {
        return new NationFigures(rollup.getTotalHouseholds(), rollup.getPoorHouseholds(), rollup.getNearPoorHouseholds());
    }

    NationFigures plus(NationFigures other) {
        return new NationFigures(households + other.households, poor + other.poor, nearPoor + other.nearPoor);
    }

    @Override
    public String toString() {
        return String.format("%,d households (%,d poor, %,d near-poor)", households, poor, nearPoor);
    }
}
