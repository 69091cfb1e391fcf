-- How far each unit's review of a year has come: the households reviewed so far against the
-- households expected, which is the previous year's final count of the unit (start_households, the
-- households that start the year in it, carried across the 2025 reform like every start-of-year
-- figure) unless an admin set an expected count for the unit and year.

-- Expected counts an admin set (PUT /api/v1/expected-counts/{year}/{unitCode}); one per unit and year.
CREATE TABLE expected_household_count (
    review_year integer     NOT NULL,
    unit_code   text        NOT NULL,
    households  bigint      NOT NULL,
    set_by      text        NOT NULL,
    set_at      timestamptz NOT NULL,
    CONSTRAINT expected_household_count_pkey PRIMARY KEY (review_year, unit_code),
    CONSTRAINT expected_household_count_not_negative CHECK (households >= 0)
);

COMMENT ON TABLE expected_household_count IS
    'Số hộ dự kiến rà soát do quản trị viên đặt cho từng đơn vị và năm, thay cho số hộ cuối năm trước. / '
    'Households an admin expects a unit to review in a year, instead of the previous year''s final count.';
COMMENT ON COLUMN expected_household_count.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN expected_household_count.unit_code IS 'Mã đơn vị trong danh mục của năm. / Unit code in the year''s map.';
COMMENT ON COLUMN expected_household_count.households IS 'Số hộ dự kiến. / Households expected.';
COMMENT ON COLUMN expected_household_count.set_by IS 'Mã truy cập đã đặt số hộ. / Token id that set it.';
COMMENT ON COLUMN expected_household_count.set_at IS 'Thời điểm đặt. / When it was set.';

-- One row per unit and year that has a rollup. The share is the exact quotient (rounded once
-- where it is shown), NULL while nothing is expected (no previous year and no count set).
CREATE VIEW review_progress WITH (security_invoker = true) AS
SELECT r.review_year,
       r.unit_code,
       r.unit_name,
       r.unit_level,
       r.parent_code,
       r.total_households                       AS reviewed_households,
       coalesce(e.households, r.start_households) AS expected_households,
       CASE WHEN e.households IS NOT NULL THEN 'SET'
            WHEN r.start_households IS NOT NULL THEN 'PREVIOUS_YEAR' END AS expected_source,
       r.total_households * 100::numeric / NULLIF(coalesce(e.households, r.start_households), 0) AS reviewed_percent,
       r.updated_at                             AS last_change_at
  FROM unit_rollup r
  LEFT JOIN expected_household_count e ON e.review_year = r.review_year AND e.unit_code = r.unit_code;

COMMENT ON VIEW review_progress IS
    'Tiến độ rà soát của từng đơn vị theo năm: số hộ đã rà soát so với số hộ dự kiến. / '
    'Review progress of each unit per year: households reviewed so far against households expected.';
COMMENT ON COLUMN review_progress.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN review_progress.unit_code IS 'Mã đơn vị. / Unit code.';
COMMENT ON COLUMN review_progress.unit_name IS 'Tên đơn vị. / Unit name.';
COMMENT ON COLUMN review_progress.unit_level IS 'Cấp đơn vị. / Unit level.';
COMMENT ON COLUMN review_progress.parent_code IS 'Mã đơn vị cấp trên. / Parent unit code.';
COMMENT ON COLUMN review_progress.reviewed_households IS
    'Số hộ đã rà soát đến nay (bản rà soát mới nhất của hộ tính ở đơn vị). / Households reviewed so far (whose latest review counts here).';
COMMENT ON COLUMN review_progress.expected_households IS
    'Số hộ dự kiến: số do quản trị viên đặt, nếu không thì tổng số hộ cuối năm trước. / '
    'Households expected: the count an admin set, otherwise the previous year''s final count.';
COMMENT ON COLUMN review_progress.expected_source IS
    'Nguồn số hộ dự kiến: SET (quản trị viên đặt) hoặc PREVIOUS_YEAR (cuối năm trước). / '
    'Where the expected count comes from: SET (an admin) or PREVIOUS_YEAR.';
COMMENT ON COLUMN review_progress.reviewed_percent IS
    'Tỷ lệ đã rà soát (%) = đã rà soát / dự kiến × 100, không làm tròn; trống khi không có số dự kiến. / '
    'Share reviewed (%) = reviewed / expected × 100, not rounded; empty when nothing is expected.';
COMMENT ON COLUMN review_progress.last_change_at IS
    'Thời điểm của bản rà soát (hoặc rút lại) mới nhất làm thay đổi số liệu của đơn vị trong năm. / '
    'Time of the latest review record (or withdrawal) that changed the unit''s figures of the year.';

-- Confined like every other table an analyst reads (V9): a view reads as its caller, and the
-- table underneath by the unit's scope.
ALTER TABLE expected_household_count ENABLE ROW LEVEL SECURITY;
CREATE POLICY analyst_reads_its_units ON expected_household_count FOR SELECT TO poverty_analyst
    USING ((review_year, split_part(unit_code, '-', 1)) IN
           (SELECT u.review_year, u.unit_code FROM analyst_unit u WHERE u.role_name = current_user));
GRANT SELECT ON expected_household_count, review_progress TO poverty_analyst;
