package vn.povertyreview.ingest.internal.review;

import java.util.List;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * What ingest decided about one submitted record: the review as read (with its review id, given
 * or derived) and every rule it breaks; it is counted only when it breaks none. Immutable.
 */
public record Judgement(Review review, List<RuleViolation> violations) {

    public Judgement {
        violations = List.copyOf(violations);
    }

    public boolean isAccepted() {
        return violations.isEmpty();
    }
}
