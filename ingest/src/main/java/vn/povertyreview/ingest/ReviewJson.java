package vn.povertyreview.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;

/**
 * A review as a client submits it to {@code POST /api/v1/reviews}: the API's field names, absent
 * optional values left out, server-set fields (submission, submitter) never included. For tools
 * and tests that write uploads. Thread-safe.
 */
public final class ReviewJson {

    private ReviewJson() {
    }

    /** The record's fields in API order, ready for any JSON writer. */
    public static Map<String, Object> fields(Review review) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (review.reviewId() != null) {
            json.put("reviewId", review.reviewId());
        }
        json.put("householdId", review.householdId());
        json.put("reviewYear", review.reviewYear());
        json.put("reviewedAt", review.reviewedAt().toString());
        json.put("provinceCode", review.provinceCode());
        if (review.districtCode() != null) {
            json.put("districtCode", review.districtCode());
        }
        json.put("communeCode", review.communeCode());
        json.put("villageCode", review.villageCode());
        json.put("area", review.area().name());
        json.put("members", review.members());
        if (review.incomePerCapitaMonthlyVnd() != null) {
            json.put("incomePerCapitaMonthlyVnd", review.incomePerCapitaMonthlyVnd());
        }
        json.put("deprivations", review.deprivations().stream().map(Indicator::name).toList());
        json.put("classification", review.classification().name());
        json.put("ethnicMinority", review.ethnicMinority());
        json.put("meritFamily", review.meritFamily());
        json.put("socialProtection", review.socialProtection());
        json.put("noLaborCapacity", review.noLaborCapacity());
        json.put("agricultureForestryFishery", review.agricultureForestryFishery());
        return json;
    }
}
