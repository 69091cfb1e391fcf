package vn.povertyreview.ingest.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.ReviewJson;

/**
 * Writes reviews built with the test-support builders the way clients send them: JSON objects,
 * NDJSON lines and CSV rows with the API's field names. Server-set fields (submission, submitter)
 * are left out, as a client would.
 */
public final class ReviewRows {

    public static final List<String> CSV_COLUMNS = List.of("reviewId", "householdId", "reviewYear", "reviewedAt",
            "provinceCode", "districtCode", "communeCode", "villageCode", "area", "members",
            "incomePerCapitaMonthlyVnd", "deprivations", "classification", "ethnicMinority", "meritFamily",
            "socialProtection", "noLaborCapacity", "agricultureForestryFishery");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewRows() {
    }

    public static ObjectNode json(Review r) {
        return JSON.valueToTree(ReviewJson.fields(r));
    }

    /** The same record without its review id, so the service derives one. */
    public static ObjectNode jsonWithoutId(Review r) {
        ObjectNode o = json(r);
        o.remove("reviewId");
        return o;
    }

    public static String jsonArray(List<Review> reviews) {
        ArrayNode array = JSON.createArrayNode();
        reviews.forEach(r -> array.add(json(r)));
        return array.toPrettyString();
    }

    public static String ndjson(List<Review> reviews) {
        return reviews.stream().map(r -> json(r).toString()).collect(Collectors.joining("\n", "", "\n"));
    }

    public static String csvHeader() {
        return String.join(",", CSV_COLUMNS);
    }

    public static String csvRow(Review r) {
        return String.join(",", List.of(
                r.reviewId(), r.householdId(), Integer.toString(r.reviewYear()), r.reviewedAt().toString(),
                r.provinceCode(), r.districtCode() == null ? "" : r.districtCode(), r.communeCode(), r.villageCode(),
                r.area().name(), Integer.toString(r.members()),
                r.incomePerCapitaMonthlyVnd() == null ? "" : r.incomePerCapitaMonthlyVnd().toString(),
                r.deprivations().stream().map(Indicator::name).collect(Collectors.joining(";")),
                r.classification().name(), Boolean.toString(r.ethnicMinority()), Boolean.toString(r.meritFamily()),
                Boolean.toString(r.socialProtection()), Boolean.toString(r.noLaborCapacity()),
                Boolean.toString(r.agricultureForestryFishery())));
    }
}
