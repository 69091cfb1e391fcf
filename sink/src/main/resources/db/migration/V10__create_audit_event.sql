-- The audit trail: every change of state made through ingest (a submission, a withdrawal, a target
-- set or deleted, a year closed or reopened, a village named, a token created or revoked, the admin
-- token rotated), one row per event of the audit-events topic. Ids, codes and counts only: no name,
-- ID number, phone or address; a household only by its opaque id.
CREATE TABLE audit_event (
    event_id         uuid        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    action           text        NOT NULL,
    actor_token_id   text        NOT NULL,
    actor_role       text        NOT NULL,
    actor_label      text,
    client           text        NOT NULL,
    request_id       text,
    submission_id    uuid,
    units            jsonb       NOT NULL DEFAULT '[]',
    accepted         integer,
    rejected         integer,
    rejected_by_rule jsonb,
    detail           jsonb       NOT NULL DEFAULT '{}',
    CONSTRAINT audit_event_pkey PRIMARY KEY (event_id),
    CONSTRAINT audit_event_action_known CHECK (action IN ('SUBMISSION', 'WITHDRAWAL', 'TARGET_SET', 'TARGET_DELETED',
        'YEAR_CLOSED', 'YEAR_REOPENED', 'VILLAGE_NAMED', 'TOKEN_CREATED', 'TOKEN_REVOKED', 'ADMIN_TOKEN_ROTATED')),
    CONSTRAINT audit_event_actor_role_known CHECK (actor_role IN ('ADMIN', 'REVIEWER')),
    CONSTRAINT audit_event_client_known CHECK (client IN ('API', 'CLI')),
    CONSTRAINT audit_event_units_array CHECK (jsonb_typeof(units) = 'array'),
    CONSTRAINT audit_event_rejected_by_rule_object CHECK (rejected_by_rule IS NULL OR jsonb_typeof(rejected_by_rule) = 'object'),
    CONSTRAINT audit_event_detail_object CHECK (jsonb_typeof(detail) = 'object')
);

-- "Who changed this unit's figures of that year, and when": units @> '[{"reviewYear": 2025, "unitCode": "15271"}]'.
CREATE INDEX audit_event_units_idx ON audit_event USING gin (units jsonb_path_ops);
CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_token_id, occurred_at);

-- Append-only, like target_gap_alert: UPDATE, DELETE and TRUNCATE fail, whoever asks. A replayed
-- event is inserted with ON CONFLICT DO NOTHING, which updates nothing.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed / audit_event chỉ được ghi thêm: không được %', TG_OP, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

COMMENT ON TABLE audit_event IS
    'Nhật ký thay đổi: mỗi thay đổi qua API tiếp nhận một dòng; chỉ ghi thêm, không sửa, không xóa; không có dữ liệu cá nhân. / '
    'The audit trail: one row per change made through the ingest API; append-only; no personal data.';
COMMENT ON COLUMN audit_event.event_id IS 'Mã sự kiện (UUID). / Event id (a UUID).';
COMMENT ON COLUMN audit_event.occurred_at IS 'Thời điểm thay đổi. / When the change was made.';
COMMENT ON COLUMN audit_event.action IS
    'Loại thay đổi: SUBMISSION, WITHDRAWAL, TARGET_SET, TARGET_DELETED, YEAR_CLOSED, YEAR_REOPENED, VILLAGE_NAMED, TOKEN_CREATED, TOKEN_REVOKED, ADMIN_TOKEN_ROTATED. / '
    'What changed.';
COMMENT ON COLUMN audit_event.actor_token_id IS
    'Mã định danh của mã truy cập đã thực hiện (admin: mã quản trị); không bao giờ là mã bí mật. / The public id of the token that made the change (admin: the admin token); never the secret.';
COMMENT ON COLUMN audit_event.actor_role IS 'Vai trò của mã truy cập: ADMIN, REVIEWER. / The token''s role.';
COMMENT ON COLUMN audit_event.actor_label IS
    'Nhãn của mã truy cập (tên đơn vị, không phải tên người); trống với mã quản trị. / The token''s label (an office, never a person); empty for the admin token.';
COMMENT ON COLUMN audit_event.client IS
    'Cách gửi yêu cầu, do bên gửi khai: CLI (lệnh ./poverty) hoặc API. / How the request came, as the client declared it: CLI (the ./poverty commands) or API.';
COMMENT ON COLUMN audit_event.request_id IS 'Mã yêu cầu trong nhật ký của ingest (X-Request-Id). / The request''s id in ingest''s log (X-Request-Id).';
COMMENT ON COLUMN audit_event.submission_id IS 'Mã lần gửi (với SUBMISSION). / The submission''s id (SUBMISSION).';
COMMENT ON COLUMN audit_event.units IS
    'Các đơn vị liên quan, mảng jsonb [{"reviewYear", "unitCode"}]; mã đọc theo danh mục của năm, không có năm với mã truy cập. / '
    'The units concerned, a jsonb array of {"reviewYear", "unitCode"}; codes read in the year''s map; no year for a token''s communes.';
COMMENT ON COLUMN audit_event.accepted IS 'Số bản ghi được nhận (với SUBMISSION). / Records accepted (SUBMISSION).';
COMMENT ON COLUMN audit_event.rejected IS 'Số bản ghi bị từ chối (với SUBMISSION). / Records rejected (SUBMISSION).';
COMMENT ON COLUMN audit_event.rejected_by_rule IS
    'Số bản ghi bị từ chối theo từng quy tắc, jsonb {"quy tắc": số}. / Rejected records per rule broken, a jsonb {"rule": count}.';
COMMENT ON COLUMN audit_event.detail IS
    'Chi tiết thay đổi theo loại, jsonb (chỉ tiêu, tên thôn, mã hộ bị rút, mã truy cập); không có dữ liệu cá nhân. / '
    'The specifics by action, a jsonb (a target, a village name, a withdrawn household id, a token id); no personal data.';

-- Analysts read the events of their units: a row is visible when one of its units, read in the map
-- of its review year (a village by its commune), is covered by the analyst's scope; a unit without
-- a year (a token's communes) when the analyst covers that code in any year. An event of no unit
-- (an admin-token rotation) is visible to no analyst.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY analyst_reads_its_units ON audit_event FOR SELECT TO poverty_analyst
    USING (EXISTS (SELECT 1 FROM jsonb_array_elements(units) AS unit
                     JOIN analyst_unit u ON u.unit_code = split_part(unit ->> 'unitCode', '-', 1)
                    WHERE u.role_name = current_user
                      AND (unit ->> 'reviewYear' IS NULL OR u.review_year = (unit ->> 'reviewYear')::integer)));
GRANT SELECT ON audit_event TO poverty_analyst;
