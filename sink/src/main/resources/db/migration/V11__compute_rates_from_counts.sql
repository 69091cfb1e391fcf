-- Rates from the counts, at full precision. Until now the sink stored each rate rounded to four
-- decimals, and a report rounding that again to two printed 36 near-poor of 715 households
-- (5.0349…%) as 5.04 instead of 5.03. The rates are now computed by the database from the counts
-- of the same row, and whatever shows two decimals rounds this value once (round(x, 2) rounds half
-- away from zero).
--
-- Why PostgreSQL's numeric quotient is precise enough: it keeps at least 16 significant digits, and
-- a rate part × 100 / total that is not exactly a multiple of 0.005 lies at least 1 / (200 × total)
-- away from one; with fewer than 10^9 households that is more than 5 × 10^-12, far above the
-- quotient's error, so rounding it to two decimals gives the rounding of the exact rate. A rate
-- exactly on .xx5 has a short decimal expansion and is held exactly.
--
-- The views of V3 read the rates and are recreated around the change, as V3 and V9 made them.
DROP VIEW province_poverty, district_poverty, commune_poverty;

ALTER TABLE unit_rollup
    DROP COLUMN poor_rate,
    DROP COLUMN near_poor_rate,
    DROP COLUMN ethnic_minority_poor_rate,
    DROP COLUMN ethnic_minority_poor_rate_among_ethnic_minority;

-- Zero for a unit without households, as the rates always were; NULL where the counts are (a row
-- written before the ethnic-minority figures existed).
ALTER TABLE unit_rollup
    ADD COLUMN poor_rate numeric NOT NULL GENERATED ALWAYS AS (
        CASE WHEN total_households = 0 THEN 0 ELSE poor_households * 100::numeric / total_households END) STORED,
    ADD COLUMN near_poor_rate numeric NOT NULL GENERATED ALWAYS AS (
        CASE WHEN total_households = 0 THEN 0 ELSE near_poor_households * 100::numeric / total_households END) STORED,
    ADD COLUMN ethnic_minority_poor_rate numeric GENERATED ALWAYS AS (
        CASE WHEN total_households = 0 THEN 0 ELSE ethnic_minority_poor * 100::numeric / total_households END) STORED,
    ADD COLUMN ethnic_minority_poor_rate_among_ethnic_minority numeric GENERATED ALWAYS AS (
        CASE WHEN ethnic_minority = 0 THEN 0 ELSE ethnic_minority_poor * 100::numeric / ethnic_minority END) STORED;

COMMENT ON COLUMN unit_rollup.poor_rate IS
    'Tỷ lệ hộ nghèo (%) = hộ nghèo / tổng số hộ × 100, tính từ số hộ, không làm tròn. / '
    'Poverty rate (%) = poor / total households × 100, computed from the counts, not rounded.';
COMMENT ON COLUMN unit_rollup.near_poor_rate IS
    'Tỷ lệ hộ cận nghèo (%), tính từ số hộ, không làm tròn. / '
    'Near-poverty rate (%) = near-poor / total households × 100, computed from the counts, not rounded.';
COMMENT ON COLUMN unit_rollup.ethnic_minority_poor_rate IS
    'Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ (%), tính từ số hộ, không làm tròn. / '
    'Ethnic-minority poor households over all households (%), computed from the counts, not rounded.';
COMMENT ON COLUMN unit_rollup.ethnic_minority_poor_rate_among_ethnic_minority IS
    'Tỷ lệ hộ nghèo dân tộc thiểu số trên tổng số hộ dân tộc thiểu số (%), tính từ số hộ, không làm tròn. / '
    'Ethnic-minority poor households over ethnic-minority households (%), computed from the counts, not rounded.';

CREATE VIEW province_poverty WITH (security_invoker = true) AS
SELECT p.review_year,
       p.map_id,
       p.unit_code AS province_code,
       p.unit_name AS province_name,
       p.total_households,
       p.poor_households,
       p.near_poor_households,
       p.poor_rate,
       p.near_poor_rate,
       p.updated_at
  FROM unit_rollup p
 WHERE p.unit_level = 'PROVINCE';

CREATE VIEW district_poverty WITH (security_invoker = true) AS
SELECT d.review_year,
       d.map_id,
       d.unit_code   AS district_code,
       d.unit_name   AS district_name,
       d.parent_code AS province_code,
       p.unit_name   AS province_name,
       d.total_households,
       d.poor_households,
       d.near_poor_households,
       d.poor_rate,
       d.near_poor_rate,
       d.updated_at
  FROM unit_rollup d
  LEFT JOIN unit_rollup p
         ON p.review_year = d.review_year AND p.unit_code = d.parent_code AND p.unit_level = 'PROVINCE'
 WHERE d.unit_level = 'DISTRICT';

CREATE VIEW commune_poverty WITH (security_invoker = true) AS
SELECT c.review_year,
       c.map_id,
       c.unit_code AS commune_code,
       c.unit_name AS commune_name,
       CASE WHEN length(c.parent_code) = 3 THEN c.parent_code END AS district_code,
       d.unit_name AS district_name,
       CASE WHEN length(c.parent_code) = 2 THEN c.parent_code ELSE d.parent_code END AS province_code,
       p.unit_name AS province_name,
       c.total_households,
       c.poor_households,
       c.near_poor_households,
       c.poor_rate,
       c.near_poor_rate,
       c.updated_at
  FROM unit_rollup c
  LEFT JOIN unit_rollup d
         ON d.review_year = c.review_year AND d.unit_code = c.parent_code AND d.unit_level = 'DISTRICT'
  LEFT JOIN unit_rollup p
         ON p.review_year = c.review_year AND p.unit_level = 'PROVINCE'
        AND p.unit_code = CASE WHEN length(c.parent_code) = 2 THEN c.parent_code ELSE d.parent_code END
 WHERE c.unit_level = 'COMMUNE';

COMMENT ON VIEW province_poverty IS
    'Hộ nghèo, cận nghèo theo tỉnh và năm rà soát. / Poor and near-poor households per province and review year.';
COMMENT ON VIEW district_poverty IS
    'Hộ nghèo, cận nghèo theo huyện (đến năm 2024) kèm tỉnh. / Poor and near-poor households per district (until 2024) with its province.';
COMMENT ON VIEW commune_poverty IS
    'Hộ nghèo, cận nghèo theo xã kèm huyện (trống từ năm 2025) và tỉnh. / '
    'Poor and near-poor households per commune with its district (empty from 2025) and province.';

GRANT SELECT ON province_poverty, district_poverty, commune_poverty TO poverty_analyst;
