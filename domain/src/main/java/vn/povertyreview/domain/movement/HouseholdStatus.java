package vn.povertyreview.domain.movement;

import java.util.Objects;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;
import vn.povertyreview.domain.rollup.Tally;

/**
 * A household's counted status in one review year: the classification of its latest counted
 * review, where that review placed it, in that year's map, and what that review adds to every unit
 * of its place ({@code reviewFigures}: households, poor, deprivations and so on, not the movement).
 *
 * <p>Immutable and thread-safe.
 */
public record HouseholdStatus(Classification classification, HouseholdPlace place, Tally reviewFigures) {

    public HouseholdStatus {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(reviewFigures, "reviewFigures");
    }
}
