-- Keeps the highest revision: an older rollup arriving late, or a replayed one, changes nothing.
INSERT INTO unit_rollup (unit_code, review_year, map_id, unit_level, unit_name, parent_code,
                         total_households, poor_households, near_poor_households,
                         poor_rate, near_poor_rate, revision, updated_at)
VALUES (:unitCode, :reviewYear, :mapId, :unitLevel, :unitName, :parentCode,
        :totalHouseholds, :poorHouseholds, :nearPoorHouseholds,
        :poorRate, :nearPoorRate, :revision, :updatedAt)
ON CONFLICT (unit_code, review_year) DO UPDATE
   SET map_id               = EXCLUDED.map_id,
       unit_level           = EXCLUDED.unit_level,
       unit_name            = EXCLUDED.unit_name,
       parent_code          = EXCLUDED.parent_code,
       total_households     = EXCLUDED.total_households,
       poor_households      = EXCLUDED.poor_households,
       near_poor_households = EXCLUDED.near_poor_households,
       poor_rate            = EXCLUDED.poor_rate,
       near_poor_rate       = EXCLUDED.near_poor_rate,
       revision             = EXCLUDED.revision,
       updated_at           = EXCLUDED.updated_at
 WHERE unit_rollup.revision < EXCLUDED.revision
