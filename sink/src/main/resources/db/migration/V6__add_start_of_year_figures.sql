-- The start-of-year baselines of vn.povertyreview.domain.rollup.Figure (START_HOUSEHOLDS,
-- START_ETHNIC_MINORITY_POOR): the previous year's final figures of the households that start the
-- year in the unit, counted like start_poor on each household's start path (across the 2025
-- reform, in the new map). Not movement figures: no balance includes them. NULL means a row
-- written before these columns existed.
ALTER TABLE unit_rollup
    ADD COLUMN start_households                                 bigint,
    ADD COLUMN start_ethnic_minority_poor                       bigint;

COMMENT ON COLUMN unit_rollup.start_households IS
    'Tổng số hộ đầu kỳ (cuối năm trước). / Households at the start of the year (the previous year''s final).';
COMMENT ON COLUMN unit_rollup.start_ethnic_minority_poor IS
    'Hộ nghèo dân tộc thiểu số đầu kỳ. / Ethnic-minority poor households at the start of the year.';
