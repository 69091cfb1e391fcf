package vn.povertyreview.testsupport;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;

/**
 * Readable test data: {@code aReview().poor().inVillage("15271-TK1").build()}. A village unit code
 * fills in the commune, district and province from the review year's official map, so tests say
 * only what matters to them. Not thread-safe; one builder per record.
 */
public final class ReviewBuilder {

    private static final AdminMaps MAPS = AdminMaps.official();
    private static final AtomicLong IDS = new AtomicLong();

    private String reviewId;
    private String submissionId = "upload-1";
    private String submittedBy = "reviewer-1";
    private String householdId = "HH-0001";
    private int reviewYear = 2025;
    private Instant reviewedAt;
    private String villageUnitCode = "15271-TK1";
    private String provinceCode;
    private String districtCode;
    private boolean placeOverridden;
    private Area area = Area.RURAL;
    private int members = 4;
    private Long income = 1_400_000L;
    private Set<Indicator> deprivations = EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM);
    private Classification classification = Classification.POOR;
    private boolean ethnicMinority;
    private boolean meritFamily;
    private boolean socialProtection;
    private boolean noLaborCapacity;
    private boolean agricultureForestryFishery;

    private ReviewBuilder() {
    }

    public static ReviewBuilder aReview() {
        return new ReviewBuilder();
    }

    public ReviewBuilder household(String householdId) {
        this.householdId = householdId;
        return this;
    }

    public ReviewBuilder year(int reviewYear) {
        this.reviewYear = reviewYear;
        return this;
    }

    public ReviewBuilder reviewedAt(String isoInstant) {
        this.reviewedAt = Instant.parse(isoInstant);
        return this;
    }

    public ReviewBuilder reviewedAt(Instant reviewedAt) {
        this.reviewedAt = reviewedAt;
        return this;
    }

    public ReviewBuilder reviewId(String reviewId) {
        this.reviewId = reviewId;
        return this;
    }

    public ReviewBuilder submission(String submissionId) {
        this.submissionId = submissionId;
        return this;
    }

    /** {@code <communeCode>-<villageCode>}; commune, district and province follow from the year's map. */
    public ReviewBuilder inVillage(String villageUnitCode) {
        this.villageUnitCode = villageUnitCode;
        return this;
    }

    /** States the province and district as given, even when they do not match the commune. */
    public ReviewBuilder statedAs(String provinceCode, String districtCode) {
        this.provinceCode = provinceCode;
        this.districtCode = districtCode;
        this.placeOverridden = true;
        return this;
    }

    public ReviewBuilder poor() {
        return classified(Classification.POOR);
    }

    public ReviewBuilder nearPoor() {
        return classified(Classification.NEAR_POOR);
    }

    public ReviewBuilder notPoor() {
        return classified(Classification.NOT_POOR);
    }

    public ReviewBuilder classified(Classification classification) {
        this.classification = classification;
        return this;
    }

    public ReviewBuilder urban() {
        this.area = Area.URBAN;
        return this;
    }

    public ReviewBuilder members(int members) {
        this.members = members;
        return this;
    }

    public ReviewBuilder income(Long incomePerCapitaMonthlyVnd) {
        this.income = incomePerCapitaMonthlyVnd;
        return this;
    }

    public ReviewBuilder deprivedIn(Indicator... indicators) {
        this.deprivations = indicators.length == 0 ? EnumSet.noneOf(Indicator.class) : EnumSet.of(indicators[0], indicators);
        return this;
    }

    public ReviewBuilder ethnicMinority() {
        this.ethnicMinority = true;
        return this;
    }

    public ReviewBuilder meritFamily() {
        this.meritFamily = true;
        return this;
    }

    public ReviewBuilder socialProtection() {
        this.socialProtection = true;
        return this;
    }

    public ReviewBuilder agricultureForestryFishery() {
        this.agricultureForestryFishery = true;
        return this;
    }

    public ReviewBuilder noLaborCapacity() {
        this.noLaborCapacity = true;
        return this;
    }

    public Review build() {
        int dash = villageUnitCode.indexOf('-');
        String communeCode = villageUnitCode.substring(0, dash);
        String villageCode = villageUnitCode.substring(dash + 1);
        String province = provinceCode;
        String district = districtCode;
        if (!placeOverridden) {
            AdminMap map = MAPS.forReviewYear(reviewYear);
            AdminUnit commune = map.unit(UnitLevel.COMMUNE, communeCode)
                    .orElseThrow(() -> new IllegalArgumentException("no commune " + communeCode + " in map " + map.id()));
            district = map.hasDistricts() ? commune.parentCode() : null;
            province = map.provinceOf(commune);
        }
        Instant at = reviewedAt != null ? reviewedAt : Instant.parse(reviewYear + "-10-15T02:00:00Z");
        String id = reviewId != null ? reviewId : "review-" + IDS.incrementAndGet();
        return new Review(id, submissionId, submittedBy, householdId, reviewYear, at, province, district, communeCode,
                villageCode, area, members, income, deprivations, classification, ethnicMinority, meritFamily,
                socialProtection, noLaborCapacity, agricultureForestryFishery);
    }

    public HouseholdReview buildAvro() {
        return ReviewRecords.toAvro(build());
    }

    /** The household-reviews topic key of this household and year. */
    public String key() {
        return new HouseholdKey(reviewYear, householdId).toString();
    }
}
