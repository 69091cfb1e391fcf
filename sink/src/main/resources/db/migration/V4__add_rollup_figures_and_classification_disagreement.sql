-- One column per figure (a count of households) and per measure (a rate or ratio) of
-- vn.povertyreview.domain.rollup.Figure and Measure that had no column yet; the column name is the
-- enum's column(). NULL means not set: a row written before these columns existed, an average-living
-- figure of a year whose standard sets no band, or a measure that is undefined (the average
-- intensity of a unit without multidimensionally poor households).
ALTER TABLE unit_rollup
    -- Special groups (counts of households)
    ADD COLUMN ethnic_minority                                  bigint,
    ADD COLUMN ethnic_minority_poor                             bigint,
    ADD COLUMN poor_with_merit                                  bigint,
    ADD COLUMN poor_social_protection                           bigint,
    ADD COLUMN poor_without_labour_capacity                     bigint,
    -- Average living standard: NULL for a year whose standard sets no band (from 2027)
    ADD COLUMN average_living                                   bigint,
    ADD COLUMN average_living_agriculture                       bigint,
    -- Poor households deprived in each indicator
    ADD COLUMN poor_deprived_employment                         bigint,
    ADD COLUMN poor_deprived_dependents                         bigint,
    ADD COLUMN poor_deprived_nutrition                          bigint,
    ADD COLUMN poor_deprived_health_insurance                   bigint,
    ADD COLUMN poor_deprived_adult_education                    bigint,
    ADD COLUMN poor_deprived_child_schooling                    bigint,
    ADD COLUMN poor_deprived_housing_quality                    bigint,
    ADD COLUMN poor_deprived_housing_area                       bigint,
    ADD COLUMN poor_deprived_drinking_water                     bigint,
    ADD COLUMN poor_deprived_sanitation                         bigint,
    ADD COLUMN poor_deprived_telecom                            bigint,
    ADD COLUMN poor_deprived_information_assets                 bigint,
    -- Near-poor households deprived in each indicator
    ADD COLUMN near_poor_deprived_employment                    bigint,
    ADD COLUMN near_poor_deprived_dependents                    bigint,
    ADD COLUMN near_poor_deprived_nutrition                     bigint,
    ADD COLUMN near_poor_deprived_health_insurance              bigint,
    ADD COLUMN near_poor_deprived_adult_education               bigint,
    ADD COLUMN near_poor_deprived_child_schooling               bigint,
    ADD COLUMN near_poor_deprived_housing_quality               bigint,
    ADD COLUMN near_poor_deprived_housing_area                  bigint,
    ADD COLUMN near_poor_deprived_drinking_water                bigint,
    ADD COLUMN near_poor_deprived_sanitation                    bigint,
    ADD COLUMN near_poor_deprived_telecom                       bigint,
    ADD COLUMN near_poor_deprived_information_assets            bigint,
    -- Alkire–Foster counts
    ADD COLUMN multidimensionally_poor                          bigint,
    ADD COLUMN multidimensional_deprivations                    bigint,
    -- The reviewer's classification checked against the standard
    ADD COLUMN classification_agrees                            bigint,
    ADD COLUMN classification_unverified                        bigint,
    ADD COLUMN reviewer_poor_standard_near_poor                 bigint,
    ADD COLUMN reviewer_poor_standard_not_poor                  bigint,
    ADD COLUMN reviewer_near_poor_standard_poor                 bigint,
    ADD COLUMN reviewer_near_poor_standard_not_poor             bigint,
    ADD COLUMN reviewer_not_poor_standard_poor                  bigint,
    ADD COLUMN reviewer_not_poor_standard_near_poor             bigint,
    -- Movement of poverty over the year
    ADD COLUMN start_poor                                       bigint,
    ADD COLUMN escaped                                          bigint,
    ADD COLUMN escaped_into_near_poor                           bigint,
    ADD COLUMN newly_poor                                       bigint,
    ADD COLUMN re_poor                                          bigint,
    ADD COLUMN poor_moved_in                                    bigint,
    ADD COLUMN poor_moved_out                                   bigint,
    ADD COLUMN poor_not_yet_reviewed                            bigint,
    ADD COLUMN end_poor                                         bigint,
    -- Movement of near-poverty over the year
    ADD COLUMN start_near_poor                                  bigint,
    ADD COLUMN exited_near_poor                                 bigint,
    ADD COLUMN exited_near_poor_into_poor                       bigint,
    ADD COLUMN exited_near_poor_into_not_poor                   bigint,
    ADD COLUMN newly_near_poor                                  bigint,
    ADD COLUMN re_near_poor                                     bigint,
    ADD COLUMN near_poor_moved_in                               bigint,
    ADD COLUMN near_poor_moved_out                              bigint,
    ADD COLUMN near_poor_not_yet_reviewed                       bigint,
    ADD COLUMN end_near_poor                                    bigint,
    -- Escaped within the last 36 months
    ADD COLUMN newly_escaped                                    bigint,
    -- Rates in percent, four decimals
    ADD COLUMN ethnic_minority_poor_rate                        numeric(7,4),
    ADD COLUMN ethnic_minority_poor_rate_among_ethnic_minority  numeric(7,4),
    -- Alkire–Foster measures, ratios between 0 and 1 with six decimals
    ADD COLUMN multidimensional_headcount_ratio                 numeric(7,6),
    ADD COLUMN multidimensional_intensity                       numeric(7,6),
    ADD COLUMN multidimensional_adjusted_headcount              numeric(7,6);

-- The rates' comments in the words of Measure, like every other figure's and measure's.
COMMENT ON COLUMN unit_rollup.poor_rate IS
    'Tỷ lệ hộ nghèo (%) = hộ nghèo / tổng số hộ × 100. / Poverty rate (%) = poor / total households × 100.';
COMMENT ON COLUMN unit_rollup.near_poor_rate IS
    'Tỷ lệ hộ cận nghèo (%). / Near-poverty rate (%) = near-poor / total households × 100.';
COMMENT ON COLUMN unit_rollup.ethnic_minority IS 'Số hộ dân tộc thiểu số. / Ethnic-minority households.';
COMMENT ON COLUMN unit_rollup.ethnic_minority_poor IS
    'Số hộ nghèo dân tộc thiểu số. / Ethnic-minority poor households.';
COMMENT ON COLUMN unit_rollup.poor_with_merit IS
    'Hộ nghèo có thành viên là người có công với cách mạng. / Poor households with a member with merit to the revolution.';
COMMENT ON COLUMN unit_rollup.poor_social_protection IS
    'Hộ nghèo thuộc diện bảo trợ xã hội. / Poor social-protection households.';
COMMENT ON COLUMN unit_rollup.poor_without_labour_capacity IS
    'Hộ nghèo không có khả năng lao động. / Poor households without labour capacity.';
COMMENT ON COLUMN unit_rollup.average_living IS
    'Hộ có mức sống trung bình (theo thu nhập, hộ không nghèo); trống khi chuẩn nghèo của năm không quy định. / '
    'Average-living-standard households (by income, among households not poor); empty when the year''s standard sets no band.';
COMMENT ON COLUMN unit_rollup.average_living_agriculture IS
    'Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình; trống khi chuẩn nghèo của năm không quy định. / '
    'Agriculture, forestry or fishery households of average living standard; empty when the year''s standard sets no band.';
COMMENT ON COLUMN unit_rollup.poor_deprived_employment IS
    'Hộ nghèo thiếu hụt việc làm. / Poor households deprived in employment.';
COMMENT ON COLUMN unit_rollup.poor_deprived_dependents IS
    'Hộ nghèo thiếu hụt người phụ thuộc trong hộ. / Poor households deprived in dependents in the household.';
COMMENT ON COLUMN unit_rollup.poor_deprived_nutrition IS
    'Hộ nghèo thiếu hụt dinh dưỡng. / Poor households deprived in nutrition.';
COMMENT ON COLUMN unit_rollup.poor_deprived_health_insurance IS
    'Hộ nghèo thiếu hụt bảo hiểm y tế. / Poor households deprived in health insurance.';
COMMENT ON COLUMN unit_rollup.poor_deprived_adult_education IS
    'Hộ nghèo thiếu hụt trình độ giáo dục người lớn. / Poor households deprived in adult education.';
COMMENT ON COLUMN unit_rollup.poor_deprived_child_schooling IS
    'Hộ nghèo thiếu hụt tình trạng đi học của trẻ em. / Poor households deprived in school attendance of children.';
COMMENT ON COLUMN unit_rollup.poor_deprived_housing_quality IS
    'Hộ nghèo thiếu hụt chất lượng nhà ở. / Poor households deprived in housing quality.';
COMMENT ON COLUMN unit_rollup.poor_deprived_housing_area IS
    'Hộ nghèo thiếu hụt diện tích nhà ở bình quân đầu người. / Poor households deprived in housing area per person.';
COMMENT ON COLUMN unit_rollup.poor_deprived_drinking_water IS
    'Hộ nghèo thiếu hụt nguồn nước sinh hoạt. / Poor households deprived in drinking water.';
COMMENT ON COLUMN unit_rollup.poor_deprived_sanitation IS
    'Hộ nghèo thiếu hụt nhà tiêu hợp vệ sinh. / Poor households deprived in hygienic latrine.';
COMMENT ON COLUMN unit_rollup.poor_deprived_telecom IS
    'Hộ nghèo thiếu hụt sử dụng dịch vụ viễn thông. / Poor households deprived in use of telecommunication services.';
COMMENT ON COLUMN unit_rollup.poor_deprived_information_assets IS
    'Hộ nghèo thiếu hụt phương tiện tiếp cận thông tin. / Poor households deprived in means of access to information.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_employment IS
    'Hộ cận nghèo thiếu hụt việc làm. / Near-poor households deprived in employment.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_dependents IS
    'Hộ cận nghèo thiếu hụt người phụ thuộc trong hộ. / Near-poor households deprived in dependents in the household.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_nutrition IS
    'Hộ cận nghèo thiếu hụt dinh dưỡng. / Near-poor households deprived in nutrition.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_health_insurance IS
    'Hộ cận nghèo thiếu hụt bảo hiểm y tế. / Near-poor households deprived in health insurance.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_adult_education IS
    'Hộ cận nghèo thiếu hụt trình độ giáo dục người lớn. / Near-poor households deprived in adult education.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_child_schooling IS
    'Hộ cận nghèo thiếu hụt tình trạng đi học của trẻ em. / Near-poor households deprived in school attendance of children.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_housing_quality IS
    'Hộ cận nghèo thiếu hụt chất lượng nhà ở. / Near-poor households deprived in housing quality.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_housing_area IS
    'Hộ cận nghèo thiếu hụt diện tích nhà ở bình quân đầu người. / Near-poor households deprived in housing area per person.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_drinking_water IS
    'Hộ cận nghèo thiếu hụt nguồn nước sinh hoạt. / Near-poor households deprived in drinking water.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_sanitation IS
    'Hộ cận nghèo thiếu hụt nhà tiêu hợp vệ sinh. / Near-poor households deprived in hygienic latrine.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_telecom IS
    'Hộ cận nghèo thiếu hụt sử dụng dịch vụ viễn thông. / Near-poor households deprived in use of telecommunication services.';
COMMENT ON COLUMN unit_rollup.near_poor_deprived_information_assets IS
    'Hộ cận nghèo thiếu hụt phương tiện tiếp cận thông tin. / Near-poor households deprived in means of access to information.';
COMMENT ON COLUMN unit_rollup.multidimensionally_poor IS
    'Hộ thiếu hụt từ 3 chỉ số trở lên (Alkire–Foster). / Households deprived in 3 or more of the 12 indicators (Alkire–Foster poor).';
COMMENT ON COLUMN unit_rollup.multidimensional_deprivations IS
    'Tổng số chỉ số thiếu hụt của các hộ thiếu hụt từ 3 chỉ số trở lên. / Deprivations of those households, summed.';
COMMENT ON COLUMN unit_rollup.classification_agrees IS
    'Hộ được phân loại đúng theo chuẩn. / Households whose classification agrees with the standard.';
COMMENT ON COLUMN unit_rollup.classification_unverified IS
    'Hộ chưa kiểm tra được phân loại (thiếu thu nhập). / Households whose classification cannot be checked (no income given).';
COMMENT ON COLUMN unit_rollup.reviewer_poor_standard_near_poor IS
    'Hộ rà soát là hộ nghèo nhưng theo chuẩn là hộ cận nghèo. / Households classified poor by the reviewer but near-poor by the standard.';
COMMENT ON COLUMN unit_rollup.reviewer_poor_standard_not_poor IS
    'Hộ rà soát là hộ nghèo nhưng theo chuẩn là hộ không nghèo. / Households classified poor by the reviewer but not poor by the standard.';
COMMENT ON COLUMN unit_rollup.reviewer_near_poor_standard_poor IS
    'Hộ rà soát là hộ cận nghèo nhưng theo chuẩn là hộ nghèo. / Households classified near-poor by the reviewer but poor by the standard.';
COMMENT ON COLUMN unit_rollup.reviewer_near_poor_standard_not_poor IS
    'Hộ rà soát là hộ cận nghèo nhưng theo chuẩn là hộ không nghèo. / Households classified near-poor by the reviewer but not poor by the standard.';
COMMENT ON COLUMN unit_rollup.reviewer_not_poor_standard_poor IS
    'Hộ rà soát là hộ không nghèo nhưng theo chuẩn là hộ nghèo. / Households classified not poor by the reviewer but poor by the standard.';
COMMENT ON COLUMN unit_rollup.reviewer_not_poor_standard_near_poor IS
    'Hộ rà soát là hộ không nghèo nhưng theo chuẩn là hộ cận nghèo. / Households classified not poor by the reviewer but near-poor by the standard.';
COMMENT ON COLUMN unit_rollup.start_poor IS 'Hộ nghèo đầu kỳ. / Poor households at the start of the year.';
COMMENT ON COLUMN unit_rollup.escaped IS 'Hộ thoát nghèo. / Households that escaped poverty.';
COMMENT ON COLUMN unit_rollup.escaped_into_near_poor IS
    'Hộ thoát nghèo rơi vào cận nghèo. / Households that escaped poverty into near-poverty.';
COMMENT ON COLUMN unit_rollup.newly_poor IS 'Hộ nghèo phát sinh. / Newly poor households.';
COMMENT ON COLUMN unit_rollup.re_poor IS 'Hộ tái nghèo. / Re-poor households (poor again).';
COMMENT ON COLUMN unit_rollup.poor_moved_in IS 'Hộ nghèo chuyển đến. / Poor households moved in.';
COMMENT ON COLUMN unit_rollup.poor_moved_out IS 'Hộ nghèo chuyển đi. / Poor households moved out.';
COMMENT ON COLUMN unit_rollup.poor_not_yet_reviewed IS
    'Hộ nghèo chưa rà soát. / Poor households not yet reviewed.';
COMMENT ON COLUMN unit_rollup.end_poor IS 'Hộ nghèo cuối kỳ. / Poor households at the end of the year.';
COMMENT ON COLUMN unit_rollup.start_near_poor IS
    'Hộ cận nghèo đầu kỳ. / Near-poor households at the start of the year.';
COMMENT ON COLUMN unit_rollup.exited_near_poor IS 'Hộ thoát cận nghèo. / Households that left near-poverty.';
COMMENT ON COLUMN unit_rollup.exited_near_poor_into_poor IS
    'Hộ cận nghèo rơi vào nghèo. / Near-poor households that fell into poverty.';
COMMENT ON COLUMN unit_rollup.exited_near_poor_into_not_poor IS
    'Hộ thoát cận nghèo (không còn nghèo, cận nghèo). / Households that left near-poverty, now neither poor nor near-poor.';
COMMENT ON COLUMN unit_rollup.newly_near_poor IS 'Hộ cận nghèo phát sinh. / Newly near-poor households.';
COMMENT ON COLUMN unit_rollup.re_near_poor IS
    'Hộ tái cận nghèo. / Re-near-poor households (near-poor again).';
COMMENT ON COLUMN unit_rollup.near_poor_moved_in IS
    'Hộ cận nghèo chuyển đến. / Near-poor households moved in.';
COMMENT ON COLUMN unit_rollup.near_poor_moved_out IS
    'Hộ cận nghèo chuyển đi. / Near-poor households moved out.';
COMMENT ON COLUMN unit_rollup.near_poor_not_yet_reviewed IS
    'Hộ cận nghèo chưa rà soát. / Near-poor households not yet reviewed.';
COMMENT ON COLUMN unit_rollup.end_near_poor IS
    'Hộ cận nghèo cuối kỳ. / Near-poor households at the end of the year.';
COMMENT ON COLUMN unit_rollup.newly_escaped IS
    'Hộ mới thoát nghèo. / Newly escaped households (within 36 months).';
COMMENT ON COLUMN unit_rollup.ethnic_minority_poor_rate IS
    'Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ (%). / Ethnic-minority poor households over all households (%).';
COMMENT ON COLUMN unit_rollup.ethnic_minority_poor_rate_among_ethnic_minority IS
    'Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ dân tộc thiểu số (%). / Ethnic-minority poor households over ethnic-minority households (%).';
COMMENT ON COLUMN unit_rollup.multidimensional_headcount_ratio IS
    'Tỷ lệ hộ nghèo đa chiều H (Alkire–Foster) = hộ thiếu hụt từ 3 chỉ số / tổng số hộ. / Alkire–Foster headcount ratio H = households deprived in 3 or more indicators / total households.';
COMMENT ON COLUMN unit_rollup.multidimensional_intensity IS
    'Cường độ thiếu hụt bình quân A của các hộ thiếu hụt từ 3 chỉ số (số chỉ số thiếu hụt / 12); trống khi không có hộ nào. / Alkire–Foster average intensity A among those households (deprivations / 12); empty when there are none.';
COMMENT ON COLUMN unit_rollup.multidimensional_adjusted_headcount IS
    'Chỉ số nghèo đa chiều điều chỉnh M0 = H × A. / Alkire–Foster adjusted headcount ratio M0 = H × A.';

-- Households whose latest counted review of the year is classified by the reviewer otherwise than
-- the poverty standard gives, as the streams service finds them. A row goes when the household-year
-- no longer disagrees (corrected or withdrawn). No names: households are known by their opaque id.
CREATE TABLE classification_disagreement (
    review_year                   integer     NOT NULL,
    household_id                  text        NOT NULL,
    review_id                     text        NOT NULL,
    reviewed_at                   timestamptz NOT NULL,
    province_code                 text        NOT NULL,
    district_code                 text,
    commune_code                  text        NOT NULL,
    village_unit_code             text        NOT NULL,
    area                          text        NOT NULL,
    reviewer_classification       text        NOT NULL,
    standard_classification       text        NOT NULL,
    income_per_capita_monthly_vnd bigint      NOT NULL,
    deprivation_count             integer     NOT NULL,
    CONSTRAINT classification_disagreement_pkey PRIMARY KEY (review_year, household_id),
    CONSTRAINT classification_disagreement_area_known CHECK (area IN ('RURAL', 'URBAN')),
    CONSTRAINT classification_disagreement_classes_known
        CHECK (reviewer_classification IN ('POOR', 'NEAR_POOR', 'NOT_POOR')
           AND standard_classification IN ('POOR', 'NEAR_POOR', 'NOT_POOR')),
    CONSTRAINT classification_disagreement_disagrees CHECK (reviewer_classification <> standard_classification),
    CONSTRAINT classification_disagreement_counts_not_negative
        CHECK (income_per_capita_monthly_vnd >= 0 AND deprivation_count >= 0)
);

-- Analysts list the disagreements of one commune or one province in one year.
CREATE INDEX classification_disagreement_year_commune_idx ON classification_disagreement (review_year, commune_code);
CREATE INDEX classification_disagreement_year_province_idx ON classification_disagreement (review_year, province_code);

COMMENT ON TABLE classification_disagreement IS
    'Hộ có phân loại khi rà soát khác với phân loại theo chuẩn nghèo (bản rà soát mới nhất được tính của năm). / '
    'Households whose latest counted review of the year is classified otherwise than the poverty standard gives.';
COMMENT ON COLUMN classification_disagreement.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN classification_disagreement.household_id IS
    'Mã hộ (không phải tên hay số giấy tờ). / Opaque household id (never a name or ID number).';
COMMENT ON COLUMN classification_disagreement.review_id IS 'Mã bản rà soát được tính. / Id of the counted review.';
COMMENT ON COLUMN classification_disagreement.reviewed_at IS 'Thời điểm rà soát. / Time of the review.';
COMMENT ON COLUMN classification_disagreement.province_code IS 'Mã tỉnh. / Province code.';
COMMENT ON COLUMN classification_disagreement.district_code IS
    'Mã huyện; trống từ năm 2025. / District code; empty from 2025.';
COMMENT ON COLUMN classification_disagreement.commune_code IS 'Mã xã. / Commune code.';
COMMENT ON COLUMN classification_disagreement.village_unit_code IS
    'Mã thôn: <mã xã>-<mã thôn>. / Village unit code: <communeCode>-<villageCode>.';
COMMENT ON COLUMN classification_disagreement.area IS 'Khu vực: RURAL (nông thôn), URBAN (thành thị). / Area: RURAL or URBAN.';
COMMENT ON COLUMN classification_disagreement.reviewer_classification IS
    'Phân loại khi rà soát (được xã phê duyệt): POOR, NEAR_POOR, NOT_POOR. / The reviewer''s classification, approved by the commune.';
COMMENT ON COLUMN classification_disagreement.standard_classification IS
    'Phân loại theo chuẩn nghèo của năm. / The classification the year''s poverty standard gives.';
COMMENT ON COLUMN classification_disagreement.income_per_capita_monthly_vnd IS
    'Thu nhập bình quân đầu người/tháng (đồng). / Income per person per month (VND).';
COMMENT ON COLUMN classification_disagreement.deprivation_count IS
    'Số chỉ số thiếu hụt theo chuẩn của năm. / Deprivations among the indicators of the year''s standard.';
