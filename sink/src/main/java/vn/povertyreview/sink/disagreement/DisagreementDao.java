package vn.povertyreview.sink.disagreement;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import vn.povertyreview.schemas.HouseholdKey;

/**
 * The {@code classification_disagreement} table. The topic's order decides: the sink applies each
 * household-year's records in offset order, so a row is simply replaced or deleted. An instance is
 * bound to the handle it was attached to; use it on that handle's thread.
 */
public interface DisagreementDao {

    /**
     * Inserts the rows or replaces the stored ones of the same household-years; the keys must be distinct.
     *
     * @return per row, 1: it was inserted or replaced the stored one (the topic's order decides, not a revision)
     */
    @SqlBatch("""
            INSERT INTO classification_disagreement (review_year, household_id, review_id, reviewed_at, province_code,
                        district_code, commune_code, village_unit_code, area, reviewer_classification,
                        standard_classification, income_per_capita_monthly_vnd, deprivation_count)
            VALUES (:reviewYear, :householdId, :reviewId, :reviewedAt, :provinceCode,
                    :districtCode, :communeCode, :villageUnitCode, :area, :reviewerClassification,
                    :standardClassification, :incomePerCapitaMonthlyVnd, :deprivationCount)
            ON CONFLICT (review_year, household_id) DO UPDATE
               SET review_id                     = EXCLUDED.review_id,
                   reviewed_at                   = EXCLUDED.reviewed_at,
                   province_code                 = EXCLUDED.province_code,
                   district_code                 = EXCLUDED.district_code,
                   commune_code                  = EXCLUDED.commune_code,
                   village_unit_code             = EXCLUDED.village_unit_code,
                   area                          = EXCLUDED.area,
                   reviewer_classification       = EXCLUDED.reviewer_classification,
                   standard_classification       = EXCLUDED.standard_classification,
                   income_per_capita_monthly_vnd = EXCLUDED.income_per_capita_monthly_vnd,
                   deprivation_count             = EXCLUDED.deprivation_count
            """)
    int[] upsert(@BindMethods Iterable<DisagreementRow> rows);

    /** Deletes the rows of the household-years; @return per key, 1 if a row was deleted, 0 if there was none. */
    @SqlBatch("DELETE FROM classification_disagreement WHERE review_year = :reviewYear AND household_id = :householdId")
    int[] delete(@BindMethods Iterable<HouseholdKey> keys);
}
