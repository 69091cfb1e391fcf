package vn.povertyreview.ingest.internal.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a submitted review record, by the names used in JSON properties and CSV headers,
 * with what a Vietnamese officer calls each. The order is the order of the documentation and of
 * the canonical form that derived review ids are computed from.
 */
public final class ReviewFields {

    public static final String REVIEW_ID = "reviewId";
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String REVIEW_YEAR = "reviewYear";
    public static final String REVIEWED_AT = "reviewedAt";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String COMMUNE_CODE = "communeCode";
    public static final String VILLAGE_CODE = "villageCode";
    public static final String AREA = "area";
    public static final String MEMBERS = "members";
    public static final String INCOME = "incomePerCapitaMonthlyVnd";
    public static final String DEPRIVATIONS = "deprivations";
    public static final String CLASSIFICATION = "classification";
    public static final String ETHNIC_MINORITY = "ethnicMinority";
    public static final String MERIT_FAMILY = "meritFamily";
    public static final String SOCIAL_PROTECTION = "socialProtection";
    public static final String NO_LABOR_CAPACITY = "noLaborCapacity";
    public static final String AGRICULTURE_FORESTRY_FISHERY = "agricultureForestryFishery";

    private static final Map<String, String> VIETNAMESE = new LinkedHashMap<>();

    static {
        VIETNAMESE.put(REVIEW_ID, "mã bản ghi rà soát");
        VIETNAMESE.put(HOUSEHOLD_ID, "mã hộ");
        VIETNAMESE.put(REVIEW_YEAR, "năm rà soát");
        VIETNAMESE.put(REVIEWED_AT, "thời điểm rà soát");
        VIETNAMESE.put(PROVINCE_CODE, "mã tỉnh");
        VIETNAMESE.put(DISTRICT_CODE, "mã huyện");
        VIETNAMESE.put(COMMUNE_CODE, "mã xã");
        VIETNAMESE.put(VILLAGE_CODE, "mã thôn/tổ dân phố");
        VIETNAMESE.put(AREA, "khu vực");
        VIETNAMESE.put(MEMBERS, "số nhân khẩu");
        VIETNAMESE.put(INCOME, "thu nhập bình quân đầu người/tháng");
        VIETNAMESE.put(DEPRIVATIONS, "các chỉ số thiếu hụt");
        VIETNAMESE.put(CLASSIFICATION, "kết quả phân loại");
        VIETNAMESE.put(ETHNIC_MINORITY, "hộ dân tộc thiểu số");
        VIETNAMESE.put(MERIT_FAMILY, "hộ có người có công");
        VIETNAMESE.put(SOCIAL_PROTECTION, "hộ bảo trợ xã hội");
        VIETNAMESE.put(NO_LABOR_CAPACITY, "hộ không có khả năng lao động");
        VIETNAMESE.put(AGRICULTURE_FORESTRY_FISHERY, "hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp");
    }

    /** Every field name, in documentation order. */
    public static final List<String> ALL = List.copyOf(VIETNAMESE.keySet());

    private ReviewFields() {
    }

    public static boolean isKnown(String name) {
        return VIETNAMESE.containsKey(name);
    }

    /** What the field is called in Vietnamese, for messages. */
    public static String vietnamese(String name) {
        return VIETNAMESE.getOrDefault(name, name);
    }
}
