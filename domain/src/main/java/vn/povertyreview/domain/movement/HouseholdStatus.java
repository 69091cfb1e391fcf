package vn.povertyreview.domain.movement;

import java.util.Objects;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;

/**
 * A household's counted status in one review year: the classification of its latest counted
 * review and where that review placed it, in that year's map.
 *
 * <p>Immutable and thread-safe.
 */
public record HouseholdStatus(Classification classification, HouseholdPlace place) {

    public HouseholdStatus {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(place, "place");
    }
}
