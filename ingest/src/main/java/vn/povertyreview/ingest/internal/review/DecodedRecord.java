package vn.povertyreview.ingest.internal.review;

import java.util.List;
import java.util.Set;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * A submitted record with its fields interpreted: the values that could be read, and what was
 * wrong with the ones that could not. {@code brokenFields} names the fields already reported, so
 * that the review rules do not report them a second time as missing. Immutable.
 */
public record DecodedRecord(
        ReviewValues values,
        List<RuleViolation> violations,
        Set<String> brokenFields) {

    public DecodedRecord {
        violations = List.copyOf(violations);
        brokenFields = Set.copyOf(brokenFields);
    }
}
