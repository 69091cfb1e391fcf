package vn.povertyreview.sink;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.schemas.Area;
import vn.povertyreview.schemas.Classification;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.sink.disagreement.DisagreementRow;

/**
 * Classification disagreements of households of Xã Hà Trung (15271, Thanh Hóa) in the two-level
 * map: by default a reviewer's POOR where the standard gives NEAR_POOR.
 */
final class DisagreementBuilder {

    static final String TOPIC = "classification-disagreements";

    private final int reviewYear;
    private final String householdId;
    private String reviewId;
    private Instant reviewedAt = Instant.parse("2025-11-03T02:00:00.250Z");
    private String provinceCode = "38";
    private String districtCode;
    private String communeCode = "15271";
    private String villageUnitCode = "15271-TK1";
    private Area area = Area.RURAL;
    private Classification reviewer = Classification.POOR;
    private Classification standard = Classification.NEAR_POOR;
    private long income = 1_200_000;
    private int deprivations = 2;

    private DisagreementBuilder(int reviewYear, String householdId) {
        this.reviewYear = reviewYear;
        this.householdId = householdId;
        this.reviewId = "rv-" + householdId + "-1";
    }

    static DisagreementBuilder aDisagreementOf(int reviewYear, String householdId) {
        return new DisagreementBuilder(reviewYear, householdId);
    }

    /** The tombstone of a household-year: it no longer disagrees. */
    static ConsumerRecord<String, DisagreementRow> tombstoneOf(int reviewYear, String householdId, int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, new HouseholdKey(reviewYear, householdId).toString(), null);
    }

    DisagreementBuilder review(String newReviewId, Instant time) {
        this.reviewId = newReviewId;
        this.reviewedAt = time;
        return this;
    }

    DisagreementBuilder classified(Classification byReviewer, Classification byStandard) {
        this.reviewer = byReviewer;
        this.standard = byStandard;
        return this;
    }

    DisagreementBuilder income(long incomePerCapitaMonthlyVnd, int deprivationCount) {
        this.income = incomePerCapitaMonthlyVnd;
        this.deprivations = deprivationCount;
        return this;
    }

    DisagreementBuilder place(String province, String district, String commune, String villageUnit, Area newArea) {
        this.provinceCode = province;
        this.districtCode = district;
        this.communeCode = commune;
        this.villageUnitCode = villageUnit;
        this.area = newArea;
        return this;
    }

    ClassificationDisagreement build() {
        return ClassificationDisagreement.newBuilder()
                .setHouseholdId(householdId)
                .setReviewYear(reviewYear)
                .setReviewId(reviewId)
                .setReviewedAt(reviewedAt)
                .setProvinceCode(provinceCode)
                .setDistrictCode(districtCode)
                .setCommuneCode(communeCode)
                .setVillageUnitCode(villageUnitCode)
                .setArea(area)
                .setReviewerClassification(reviewer)
                .setStandardClassification(standard)
                .setIncomePerCapitaMonthlyVnd(income)
                .setDeprivationCount(deprivations)
                .build();
    }

    String key() {
        return new HouseholdKey(reviewYear, householdId).toString();
    }

    /** The disagreement as the sink would poll it from the given partition and offset: read into its row. */
    ConsumerRecord<String, DisagreementRow> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key(), DisagreementRow.of(build()));
    }
}
