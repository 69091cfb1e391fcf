package vn.povertyreview.ingest.internal.review;

import java.util.List;
import vn.povertyreview.domain.review.Indicator;

/**
 * The fields of a submitted review record, by the names used in JSON properties and CSV and XLSX
 * headers. The order is the order of the documentation and of the canonical form that derived
 * review ids are computed from. What each is called in Vietnamese is in {@link Vocabulary}.
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

    /** Every field name, in documentation order. */
    public static final List<String> ALL = List.of(REVIEW_ID, HOUSEHOLD_ID, REVIEW_YEAR, REVIEWED_AT, PROVINCE_CODE,
            DISTRICT_CODE, COMMUNE_CODE, VILLAGE_CODE, AREA, MEMBERS, INCOME, DEPRIVATIONS, CLASSIFICATION,
            ETHNIC_MINORITY, MERIT_FAMILY, SOCIAL_PROTECTION, NO_LABOR_CAPACITY, AGRICULTURE_FORESTRY_FISHERY);

    private ReviewFields() {
    }

    /**
     * How a table upload that gives each indicator a Có/Không column of its own names the
     * indicator's column, in errors and in cell references: {@code deprivations.NUTRITION}.
     */
    public static String deprivationColumn(Indicator indicator) {
        return DEPRIVATIONS + "." + indicator.name();
    }

    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /** What the field is called in Vietnamese, for messages. */
    public static String vietnamese(String name) {
        return Vocabulary.label(name);
    }
}
