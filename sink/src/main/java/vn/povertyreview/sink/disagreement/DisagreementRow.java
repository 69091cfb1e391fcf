package vn.povertyreview.sink.disagreement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;

/**
 * One row of {@code classification_disagreement}: a household whose latest counted review of the
 * year is classified by the reviewer otherwise than the poverty standard gives. Immutable and
 * thread-safe.
 */
public record DisagreementRow(
        int reviewYear,
        String householdId,
        String reviewId,
        OffsetDateTime reviewedAt,
        String provinceCode,
        String districtCode,
        String communeCode,
        String villageUnitCode,
        String area,
        String reviewerClassification,
        String standardClassification,
        long incomePerCapitaMonthlyVnd,
        int deprivationCount) {

    public static DisagreementRow of(ClassificationDisagreement disagreement) {
        return new DisagreementRow(
                disagreement.getReviewYear(),
                disagreement.getHouseholdId(),
                disagreement.getReviewId(),
                disagreement.getReviewedAt().atOffset(ZoneOffset.UTC),
                disagreement.getProvinceCode(),
                disagreement.getDistrictCode(),
                disagreement.getCommuneCode(),
                disagreement.getVillageUnitCode(),
                disagreement.getArea().name(),
                disagreement.getReviewerClassification().name(),
                disagreement.getStandardClassification().name(),
                disagreement.getIncomePerCapitaMonthlyVnd(),
                disagreement.getDeprivationCount());
    }

    /** The household-year, the row's primary key. */
    public HouseholdKey key() {
        return new HouseholdKey(reviewYear, householdId);
    }
}
