-- Analyst access. An analyst is a PostgreSQL login role (created by `poverty analyst add`), a member
-- of the group role poverty_analyst, which may only SELECT the figures, and row-level security
-- confines every analyst to the units of its scope and everything under them. The tables stay
-- owned by the role that runs these migrations, the sink's: the only writer, and, as the owner,
-- not subject to the policies. Roles are shared by every database of a server, hence the check.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'poverty_analyst') THEN
        BEGIN
            CREATE ROLE poverty_analyst NOLOGIN;
        EXCEPTION
            -- Another database of the same server created it at the same moment: just as good.
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'the database user % may not create the group role poverty_analyst: give it CREATEROLE, '
                    'or create the role once as a superuser (CREATE ROLE poverty_analyst NOLOGIN) and grant it to % WITH ADMIN OPTION',
                    current_user, current_user;
        END;
    END IF;
END
$$;

-- Whoever may no longer connect to the database (a hardened server revokes CONNECT from PUBLIC)
-- would get a login that works nowhere.
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO poverty_analyst', current_database());
END
$$;

-- The analysts of this database and their scopes as given (vn.povertyreview.domain.access.Scope,
-- kind VIEWER): the provinces and communes named, each read in the map of every review year.
CREATE TABLE analyst (
    role_name  text        NOT NULL,
    provinces  text[]      NOT NULL DEFAULT '{}',
    communes   text[]      NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT analyst_pkey PRIMARY KEY (role_name),
    CONSTRAINT analyst_scope_not_empty CHECK (cardinality(provinces) + cardinality(communes) > 0)
);

-- Every national unit (province, district, commune) that an analyst's scope covers, per review year,
-- in that year's map, as Scope.covers decides it: written by the sink from the official maps when an
-- analyst is added and again whenever the maps the product ships change. A village is covered
-- through its commune (unit code <communeCode>-<villageCode>), so villages first seen in a review
-- need no row. The nation is never covered.
CREATE TABLE analyst_unit (
    role_name   text    NOT NULL,
    review_year integer NOT NULL,
    unit_code   text    NOT NULL,
    CONSTRAINT analyst_unit_pkey PRIMARY KEY (role_name, review_year, unit_code),
    CONSTRAINT analyst_unit_analyst_fkey FOREIGN KEY (role_name) REFERENCES analyst (role_name) ON DELETE CASCADE
);

COMMENT ON TABLE analyst IS
    'Tài khoản phân tích (vai trò đăng nhập PostgreSQL) và phạm vi dữ liệu được xem. / '
    'Analyst accounts (PostgreSQL login roles) and the scope of the figures they may read.';
COMMENT ON COLUMN analyst.role_name IS 'Tên vai trò đăng nhập của người phân tích. / The analyst''s login role.';
COMMENT ON COLUMN analyst.provinces IS
    'Mã các tỉnh được xem, cùng mọi đơn vị trực thuộc; đọc theo danh mục của từng năm rà soát. / '
    'Provinces the analyst reads, with every unit under them; read in each review year''s map.';
COMMENT ON COLUMN analyst.communes IS
    'Mã các xã được xem, cùng các thôn của xã; đọc theo danh mục của từng năm rà soát. / '
    'Communes the analyst reads, with their villages; read in each review year''s map.';
COMMENT ON COLUMN analyst.created_at IS 'Thời điểm tạo tài khoản. / When the analyst was added.';
COMMENT ON TABLE analyst_unit IS
    'Các đơn vị (tỉnh, huyện, xã) thuộc phạm vi của người phân tích theo từng năm rà soát; thôn thuộc phạm vi qua xã của thôn. / '
    'The units (province, district, commune) an analyst''s scope covers in each review year; a village is covered through its commune.';
COMMENT ON COLUMN analyst_unit.role_name IS 'Vai trò đăng nhập của người phân tích. / The analyst''s login role.';
COMMENT ON COLUMN analyst_unit.review_year IS 'Năm rà soát (quyết định danh mục hành chính). / Review year (which decides the map).';
COMMENT ON COLUMN analyst_unit.unit_code IS 'Mã đơn vị trong danh mục của năm. / Unit code in the year''s map.';

-- Row-level security. A policy applies to the members of poverty_analyst; the tables' owner (the
-- sink) is not subject to it, and a role with neither gets no rows. Each row is judged by its
-- review year and its unit: a village's row by its commune (the part of its code before '-').
ALTER TABLE unit_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE target_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE target_gap_alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE classification_disagreement ENABLE ROW LEVEL SECURITY;
ALTER TABLE analyst ENABLE ROW LEVEL SECURITY;
ALTER TABLE analyst_unit ENABLE ROW LEVEL SECURITY;

CREATE POLICY analyst_reads_its_units ON unit_rollup FOR SELECT TO poverty_analyst
    USING ((review_year, split_part(unit_code, '-', 1)) IN
           (SELECT u.review_year, u.unit_code FROM analyst_unit u WHERE u.role_name = current_user));
CREATE POLICY analyst_reads_its_units ON target_status FOR SELECT TO poverty_analyst
    USING ((review_year, split_part(unit_code, '-', 1)) IN
           (SELECT u.review_year, u.unit_code FROM analyst_unit u WHERE u.role_name = current_user));
CREATE POLICY analyst_reads_its_units ON target_gap_alert FOR SELECT TO poverty_analyst
    USING ((review_year, split_part(unit_code, '-', 1)) IN
           (SELECT u.review_year, u.unit_code FROM analyst_unit u WHERE u.role_name = current_user));
-- A household is in the scope when its commune is.
CREATE POLICY analyst_reads_its_units ON classification_disagreement FOR SELECT TO poverty_analyst
    USING ((review_year, commune_code) IN
           (SELECT u.review_year, u.unit_code FROM analyst_unit u WHERE u.role_name = current_user));
-- An analyst may read its own scope (and the policies above read it as the analyst), no one else's.
CREATE POLICY analyst_reads_its_own_scope ON analyst FOR SELECT TO poverty_analyst
    USING (role_name = current_user);
CREATE POLICY analyst_reads_its_own_scope ON analyst_unit FOR SELECT TO poverty_analyst
    USING (role_name = current_user);

-- A view runs with its owner's rights unless it is security_invoker (PostgreSQL 15+); the owner is
-- not subject to row-level security, so without this an analyst would read every row through it.
ALTER VIEW province_poverty SET (security_invoker = true);
ALTER VIEW district_poverty SET (security_invoker = true);
ALTER VIEW commune_poverty SET (security_invoker = true);

-- Read only: no INSERT, UPDATE, DELETE or TRUNCATE; sink_offset and the migration history are not
-- granted at all. A table added later is unreadable to analysts until granted (with its policy).
GRANT SELECT ON unit_rollup, target_status, target_gap_alert, classification_disagreement,
                province_poverty, district_poverty, commune_poverty, analyst, analyst_unit
   TO poverty_analyst;
