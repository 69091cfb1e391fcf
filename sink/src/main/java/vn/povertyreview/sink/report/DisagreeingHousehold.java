package vn.povertyreview.sink.report;

import vn.povertyreview.domain.review.Classification;

/**
 * A household whose latest counted review of the year is classified otherwise than the poverty
 * standard gives, by its opaque id only: {@code classification_disagreement} holds no personal data,
 * and this row carries none of its income either. Immutable.
 */
public record DisagreeingHousehold(String householdId, String villageUnitCode, Classification reviewer, Classification standard,
        int deprivationCount) {
}
