-- The topic's order decides, not a revision: the sink applies a household-year's records in offset
-- order, so a disagreement simply replaces the stored row.
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
