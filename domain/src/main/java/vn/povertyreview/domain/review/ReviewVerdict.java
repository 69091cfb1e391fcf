package vn.povertyreview.domain.review;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ReviewRules} decided about one review: either it can be counted, at {@code place},
 * or it breaks the listed rules and is not counted at all. Immutable and thread-safe.
 */
public record ReviewVerdict(List<RuleViolation> violations, HouseholdPlace place) {

    public ReviewVerdict {
        violations = List.copyOf(violations);
        if (violations.isEmpty() == (place == null)) {
            throw new IllegalArgumentException("a verdict has either a place or violations");
        }
    }

    static ReviewVerdict countable(HouseholdPlace place) {
        return new ReviewVerdict(List.of(), Objects.requireNonNull(place, "place"));
    }

    static ReviewVerdict rejected(List<RuleViolation> violations) {
        return new ReviewVerdict(violations, null);
    }

    public boolean isCountable() {
        return place != null;
    }
}
