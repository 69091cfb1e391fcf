-- Where each unit stands against its poverty-reduction target of a review year, as the streams
-- service publishes it on the compacted target-statuses topic: one row per unit, year and measure,
-- replaced only by a higher revision, deleted when the target is deleted (a tombstone).
-- parents: the units above, nearest first, up to the nation, as a jsonb array of
-- {"code": ..., "name": ...}, e.g. [{"code": "15271", "name": "Xã Hà Trung"}, {"code": "38", "name":
-- "Tỉnh Thanh Hóa"}, {"code": "VN", "name": "Việt Nam"}]: codes to filter by, names to show.
-- Rates and gaps are in percent (points) with four decimals, the completion in percent with two,
-- the reviewed share a ratio between 0 and 1 with four.
CREATE TABLE target_status (
    review_year                integer       NOT NULL,
    unit_code                  text          NOT NULL,
    measure                    text          NOT NULL,
    unit_name                  text          NOT NULL,
    parents                    jsonb         NOT NULL DEFAULT '[]',
    kind                       text          NOT NULL,
    target_value               numeric(14,4) NOT NULL,
    baseline_poor_households   bigint        NOT NULL,
    baseline_total_households  bigint        NOT NULL,
    baseline_rate              numeric(7,4)  NOT NULL,
    baseline_stated            boolean       NOT NULL,
    target_end_households      bigint        NOT NULL,
    target_end_rate            numeric(7,4)  NOT NULL,
    current_poor_households    bigint        NOT NULL,
    current_total_households   bigint        NOT NULL,
    current_rate               numeric(7,4)  NOT NULL,
    gap_households             bigint        NOT NULL,
    gap_points                 numeric(7,4)  NOT NULL,
    completion_percent         numeric(14,2) NOT NULL,
    reviewed_share             numeric(7,4)  NOT NULL,
    status                     text          NOT NULL,
    year_closed                boolean       NOT NULL,
    revision                   bigint        NOT NULL,
    updated_at                 timestamptz   NOT NULL,
    CONSTRAINT target_status_pkey PRIMARY KEY (review_year, unit_code, measure),
    CONSTRAINT target_status_measure_known CHECK (measure IN ('POVERTY_RATE', 'ETHNIC_MINORITY_POVERTY_RATE')),
    CONSTRAINT target_status_kind_known CHECK (kind IN ('RATE_POINTS', 'HOUSEHOLDS', 'BASELINE_PERCENT', 'END_RATE')),
    CONSTRAINT target_status_status_known CHECK (status IN ('ON_TRACK', 'AT_RISK', 'MISSED', 'MET')),
    CONSTRAINT target_status_parents_array CHECK (jsonb_typeof(parents) = 'array')
);

-- Analysts list the statuses of one year by status, or of the units under one unit
-- (parents @> '[{"code": "38"}]').
CREATE INDEX target_status_year_status_idx ON target_status (review_year, status);
CREATE INDEX target_status_parents_idx ON target_status USING gin (parents jsonb_path_ops);

COMMENT ON TABLE target_status IS
    'Tình hình thực hiện chỉ tiêu giảm nghèo của từng đơn vị theo năm rà soát và chỉ số, theo số liệu mới nhất. / '
    'Where each unit stands against its poverty-reduction target per review year and measure, as of its latest figures.';
COMMENT ON COLUMN target_status.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN target_status.unit_code IS
    'Mã đơn vị (thôn: <mã xã>-<mã thôn>; cả nước: VN). / Unit code (village: <communeCode>-<villageCode>; nation: VN).';
COMMENT ON COLUMN target_status.measure IS
    'Chỉ số của chỉ tiêu: POVERTY_RATE (tỷ lệ hộ nghèo), ETHNIC_MINORITY_POVERTY_RATE (tỷ lệ hộ nghèo dân tộc thiểu số). / '
    'What the target reduces: the poverty rate or the ethnic-minority poverty rate.';
COMMENT ON COLUMN target_status.unit_name IS 'Tên đơn vị. / Unit name.';
COMMENT ON COLUMN target_status.parents IS
    'Các đơn vị cấp trên, gần nhất trước, đến cả nước: mảng jsonb [{"code", "name"}]. / '
    'The units above, nearest first, up to the nation: a jsonb array of {"code", "name"}.';
COMMENT ON COLUMN target_status.kind IS
    'Hình thức chỉ tiêu: RATE_POINTS (giảm số điểm %), HOUSEHOLDS (giảm số hộ), BASELINE_PERCENT (giảm % số hộ nghèo đầu kỳ), END_RATE (tỷ lệ cuối năm). / '
    'Form of the target: rate points, households, percent of the baseline''s poor households, or a rate to reach by year end.';
COMMENT ON COLUMN target_status.target_value IS
    'Giá trị chỉ tiêu như kế hoạch giao (trường value). / The target''s value as the plan states it (field value).';
COMMENT ON COLUMN target_status.baseline_poor_households IS 'Số hộ nghèo kỳ gốc. / Poor households of the baseline.';
COMMENT ON COLUMN target_status.baseline_total_households IS 'Tổng số hộ kỳ gốc. / All households of the baseline.';
COMMENT ON COLUMN target_status.baseline_rate IS 'Tỷ lệ hộ nghèo kỳ gốc (%). / Poverty rate of the baseline (%).';
COMMENT ON COLUMN target_status.baseline_stated IS
    'Kỳ gốc do chỉ tiêu nêu; sai: số liệu cuối năm trước của đơn vị. / True when the target states its baseline; false: the unit''s final figures of the previous year.';
COMMENT ON COLUMN target_status.target_end_households IS
    'Số hộ nghèo phải đạt cuối năm. / Poor households the target allows at the end of the year.';
COMMENT ON COLUMN target_status.target_end_rate IS 'Tỷ lệ hộ nghèo phải đạt cuối năm (%). / Rate the target allows at the end of the year (%).';
COMMENT ON COLUMN target_status.current_poor_households IS 'Số hộ nghèo hiện tại. / Poor households now.';
COMMENT ON COLUMN target_status.current_total_households IS 'Tổng số hộ hiện tại. / All households now.';
COMMENT ON COLUMN target_status.current_rate IS 'Tỷ lệ hộ nghèo hiện tại (%). / Rate now (%).';
COMMENT ON COLUMN target_status.gap_households IS
    'Số hộ còn thiếu so với chỉ tiêu = hiện tại − chỉ tiêu cuối năm; dương: chưa đạt. / Current minus target end; positive: still short.';
COMMENT ON COLUMN target_status.gap_points IS
    'Khoảng cách tỷ lệ (điểm %) = tỷ lệ hiện tại − tỷ lệ chỉ tiêu; dương: chưa đạt. / Current rate minus target end rate, in points; positive: still short.';
COMMENT ON COLUMN target_status.completion_percent IS
    'Mức độ hoàn thành (%) = mức giảm đạt được / mức giảm theo chỉ tiêu × 100. / Achieved reduction / targeted reduction × 100.';
COMMENT ON COLUMN target_status.reviewed_share IS
    'Tỷ lệ (0..1) số hộ kỳ gốc đã được rà soát trong năm. / Share (0..1) of the baseline''s households reviewed so far this year.';
COMMENT ON COLUMN target_status.status IS
    'Tình trạng: ON_TRACK (đúng tiến độ), AT_RISK (có nguy cơ không đạt) khi năm còn mở; MET (đạt), MISSED (không đạt) khi đã khóa sổ. / '
    'Standing: ON_TRACK or AT_RISK while the year is open, MET or MISSED once it is closed.';
COMMENT ON COLUMN target_status.year_closed IS 'Năm rà soát đã khóa sổ. / The review year is closed.';
COMMENT ON COLUMN target_status.revision IS
    'Phiên bản; chỉ phiên bản cao hơn được ghi đè. / Revision; only a higher one overwrites the row.';
COMMENT ON COLUMN target_status.updated_at IS 'Thời điểm cập nhật. / Time of the latest change.';

-- Alerts raised when a unit's standing against its target worsened or its year closed with the
-- target missed, as the streams service publishes them on the target-gap-alerts topic. Append-only:
-- an alert is a record of what was raised, never changed or deleted; a replayed alert is ignored.
CREATE TABLE target_gap_alert (
    alert_id           text          NOT NULL,
    review_year        integer       NOT NULL,
    unit_code          text          NOT NULL,
    unit_name          text          NOT NULL,
    parents            jsonb         NOT NULL DEFAULT '[]',
    measure            text          NOT NULL,
    kind               text          NOT NULL,
    target_value       numeric(14,4) NOT NULL,
    status             text          NOT NULL,
    previous_status    text,
    year_closed        boolean       NOT NULL,
    gap_households     bigint        NOT NULL,
    gap_points         numeric(7,4)  NOT NULL,
    completion_percent numeric(14,2) NOT NULL,
    message_vi         text          NOT NULL,
    message_en         text          NOT NULL,
    raised_at          timestamptz   NOT NULL,
    CONSTRAINT target_gap_alert_pkey PRIMARY KEY (alert_id),
    CONSTRAINT target_gap_alert_measure_known CHECK (measure IN ('POVERTY_RATE', 'ETHNIC_MINORITY_POVERTY_RATE')),
    CONSTRAINT target_gap_alert_kind_known CHECK (kind IN ('RATE_POINTS', 'HOUSEHOLDS', 'BASELINE_PERCENT', 'END_RATE')),
    CONSTRAINT target_gap_alert_status_known
        CHECK (status IN ('ON_TRACK', 'AT_RISK', 'MISSED', 'MET')
           AND (previous_status IS NULL OR previous_status IN ('ON_TRACK', 'AT_RISK', 'MISSED', 'MET'))),
    CONSTRAINT target_gap_alert_parents_array CHECK (jsonb_typeof(parents) = 'array')
);

-- Analysts list the alerts of one unit and year, newest first, or the latest alerts of a year.
CREATE INDEX target_gap_alert_year_unit_idx ON target_gap_alert (review_year, unit_code, measure, raised_at);
CREATE INDEX target_gap_alert_raised_at_idx ON target_gap_alert (raised_at);

-- Append-only: UPDATE, DELETE and TRUNCATE fail. (INSERT ... ON CONFLICT DO NOTHING updates nothing.)
CREATE FUNCTION target_gap_alert_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'target_gap_alert is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER target_gap_alert_append_only
    BEFORE UPDATE OR DELETE ON target_gap_alert
    FOR EACH ROW EXECUTE FUNCTION target_gap_alert_reject_change();

CREATE TRIGGER target_gap_alert_no_truncate
    BEFORE TRUNCATE ON target_gap_alert
    FOR EACH STATEMENT EXECUTE FUNCTION target_gap_alert_reject_change();

-- Tells listeners (LISTEN target_gap_alert) of every new alert. PostgreSQL delivers a notification
-- when the inserting transaction commits, so an alert of a batch rolled back is never announced,
-- and a replayed alert, which inserts no row, is not announced again.
CREATE FUNCTION target_gap_alert_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('target_gap_alert', json_build_object(
        'alertId', NEW.alert_id, 'unitCode', NEW.unit_code, 'status', NEW.status, 'reviewYear', NEW.review_year)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER target_gap_alert_notify
    AFTER INSERT ON target_gap_alert
    FOR EACH ROW EXECUTE FUNCTION target_gap_alert_notify();

COMMENT ON TABLE target_gap_alert IS
    'Cảnh báo khi tình hình thực hiện chỉ tiêu giảm nghèo của đơn vị xấu đi hoặc năm khóa sổ mà không đạt; chỉ ghi thêm, không sửa, không xóa. / '
    'Alerts raised when a unit''s standing against its target worsened or its year closed with the target missed; append-only.';
COMMENT ON COLUMN target_gap_alert.alert_id IS
    'Mã cảnh báo: <năm>/<mã đơn vị>/<chỉ số>/<hình thức>/<giá trị>/<tình trạng>. / Alert id: <reviewYear>/<unitCode>/<measure>/<kind>/<value>/<status>.';
COMMENT ON COLUMN target_gap_alert.review_year IS 'Năm rà soát. / Review year.';
COMMENT ON COLUMN target_gap_alert.unit_code IS 'Mã đơn vị. / Unit code.';
COMMENT ON COLUMN target_gap_alert.unit_name IS 'Tên đơn vị. / Unit name.';
COMMENT ON COLUMN target_gap_alert.parents IS
    'Các đơn vị cấp trên, gần nhất trước: mảng jsonb [{"code", "name"}]. / The units above, nearest first: a jsonb array of {"code", "name"}.';
COMMENT ON COLUMN target_gap_alert.measure IS 'Chỉ số của chỉ tiêu. / What the target reduces.';
COMMENT ON COLUMN target_gap_alert.kind IS 'Hình thức chỉ tiêu. / Form of the target.';
COMMENT ON COLUMN target_gap_alert.target_value IS 'Giá trị chỉ tiêu (trường value). / The target''s value (field value).';
COMMENT ON COLUMN target_gap_alert.status IS 'Tình trạng mới: AT_RISK, MISSED, ... / The new standing.';
COMMENT ON COLUMN target_gap_alert.previous_status IS
    'Tình trạng trước đó; trống nếu chưa có. / The standing before; empty when there was none.';
COMMENT ON COLUMN target_gap_alert.year_closed IS 'Năm rà soát đã khóa sổ. / The review year is closed.';
COMMENT ON COLUMN target_gap_alert.gap_households IS
    'Số hộ còn thiếu so với chỉ tiêu; dương: chưa đạt. / Households short of the target; positive: still short.';
COMMENT ON COLUMN target_gap_alert.gap_points IS
    'Khoảng cách tỷ lệ (điểm %); dương: chưa đạt. / Rate gap in percentage points; positive: still short.';
COMMENT ON COLUMN target_gap_alert.completion_percent IS 'Mức độ hoàn thành chỉ tiêu (%). / Completion of the target (%).';
COMMENT ON COLUMN target_gap_alert.message_vi IS 'Nội dung cảnh báo tiếng Việt. / The alert in Vietnamese.';
COMMENT ON COLUMN target_gap_alert.message_en IS 'Nội dung cảnh báo tiếng Anh. / The alert in English.';
COMMENT ON COLUMN target_gap_alert.raised_at IS 'Thời điểm phát sinh cảnh báo. / When the alert was raised.';
