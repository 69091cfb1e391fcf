package vn.povertyreview.ingest.internal.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * Checks a household id or a village code on its own (in a URL, not in a review record) against
 * the same rules a review record is held to. It asks {@link ReviewRules} about a probe review that
 * carries the identifier, rather than copying the rules' patterns, so that the formats accepted by
 * every endpoint cannot drift apart. Thread-safe.
 */
public final class IdentifierChecks {

    /** Any supported review year does; the identifier formats do not depend on it. */
    private static final int PROBE_YEAR = 2025;

    private final ReviewRules rules;

    public IdentifierChecks(ReviewRules rules) {
        this.rules = rules;
    }

    /** What is wrong with the household id, if anything. */
    public List<RuleViolation> householdId(String householdId) {
        return violationsOf(probe(householdId, "PROBE"), ReviewFields.HOUSEHOLD_ID);
    }

    /** What is wrong with the village code, if anything. */
    public List<RuleViolation> villageCode(String villageCode) {
        return violationsOf(probe("PROBE", villageCode), ReviewFields.VILLAGE_CODE);
    }

    private List<RuleViolation> violationsOf(Review probe, String field) {
        return rules.judge(probe).violations().stream().filter(v -> v.field().equals(field)).toList();
    }

    private static Review probe(String householdId, String villageCode) {
        return new Review("probe", null, null, householdId, PROBE_YEAR, Instant.parse(PROBE_YEAR + "-12-01T00:00:00Z"),
                null, null, null, villageCode, Area.RURAL, 1, null, Set.of(), Classification.NOT_POOR,
                false, false, false, false, false);
    }
}
