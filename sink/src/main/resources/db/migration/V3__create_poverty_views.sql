-- Analyst views: one row per unit and review year, with the names of the units above it.
-- Parent names come from the parents' own rollups of the same year.

CREATE VIEW province_poverty AS
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

CREATE VIEW district_poverty AS
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

-- A commune's parent is a district (3-digit code) in three-level years and a province (2-digit
-- code) from 2025 on. The national code lengths decide, so a commune is placed correctly even
-- before its parent's rollup has arrived.
CREATE VIEW commune_poverty AS
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
