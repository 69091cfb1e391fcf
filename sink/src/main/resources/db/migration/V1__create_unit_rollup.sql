-- Latest poverty figures of every unit in every review year, as the streams service rolls them up.
CREATE TABLE unit_rollup (
    unit_code            text         NOT NULL,
    review_year          integer      NOT NULL,
    map_id               text         NOT NULL,
    unit_level           text         NOT NULL,
    unit_name            text         NOT NULL,
    parent_code          text,
    total_households     bigint       NOT NULL,
    poor_households      bigint       NOT NULL,
    near_poor_households bigint       NOT NULL,
    poor_rate            numeric(7,4) NOT NULL,
    near_poor_rate       numeric(7,4) NOT NULL,
    revision             bigint       NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT unit_rollup_pkey PRIMARY KEY (unit_code, review_year),
    CONSTRAINT unit_rollup_level_known
        CHECK (unit_level IN ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
    CONSTRAINT unit_rollup_counts_not_negative
        CHECK (total_households >= 0 AND poor_households >= 0 AND near_poor_households >= 0)
);

-- Analysts list one level of one year, or the children of one unit in one year.
CREATE INDEX unit_rollup_year_level_idx ON unit_rollup (review_year, unit_level);
CREATE INDEX unit_rollup_year_parent_idx ON unit_rollup (review_year, parent_code);

COMMENT ON TABLE unit_rollup IS
    'Số liệu hộ nghèo, hộ cận nghèo mới nhất của từng đơn vị hành chính theo năm rà soát. / '
    'Latest poor and near-poor household figures of each administrative unit per review year.';
COMMENT ON COLUMN unit_rollup.unit_code IS
    'Mã đơn vị (mã tỉnh, huyện, xã; thôn: <mã xã>-<mã thôn>). / Unit code (province, district, commune; village: <communeCode>-<villageCode>).';
COMMENT ON COLUMN unit_rollup.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN unit_rollup.map_id IS
    'Danh mục hành chính áp dụng cho năm rà soát (ngày hiệu lực). / Administrative map the review year uses (date in force).';
COMMENT ON COLUMN unit_rollup.unit_level IS 'Cấp đơn vị. / Unit level: NATION, PROVINCE, DISTRICT, COMMUNE, VILLAGE.';
COMMENT ON COLUMN unit_rollup.unit_name IS 'Tên đơn vị. / Unit name.';
COMMENT ON COLUMN unit_rollup.parent_code IS
    'Mã đơn vị cấp trên; xã thuộc tỉnh trực tiếp từ năm 2025. / Parent unit code; communes sit directly under provinces from 2025.';
COMMENT ON COLUMN unit_rollup.total_households IS 'Tổng số hộ. / Total households.';
COMMENT ON COLUMN unit_rollup.poor_households IS 'Số hộ nghèo. / Poor households.';
COMMENT ON COLUMN unit_rollup.near_poor_households IS 'Số hộ cận nghèo. / Near-poor households.';
COMMENT ON COLUMN unit_rollup.poor_rate IS 'Tỷ lệ hộ nghèo (%) = hộ nghèo / tổng số hộ × 100. / Poverty rate (%).';
COMMENT ON COLUMN unit_rollup.near_poor_rate IS 'Tỷ lệ hộ cận nghèo (%). / Near-poverty rate (%).';
COMMENT ON COLUMN unit_rollup.revision IS
    'Phiên bản số liệu; chỉ phiên bản cao hơn được ghi đè. / Revision of the figures; only a higher one overwrites them.';
COMMENT ON COLUMN unit_rollup.updated_at IS
    'Thời điểm bản rà soát mới nhất làm thay đổi số liệu. / Time of the latest review that changed the figures.';
