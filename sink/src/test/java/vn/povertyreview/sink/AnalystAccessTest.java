package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.AuditEventBuilder.aSubmissionTouching;
import static vn.povertyreview.sink.AuditEventBuilder.anEvent;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;
import static vn.povertyreview.sink.TargetGapAlertBuilder.anAlertOf;
import static vn.povertyreview.sink.TargetStatusBuilder.aStatusOf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Area;
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.sink.access.Analyst;
import vn.povertyreview.sink.access.AnalystAccounts;
import vn.povertyreview.sink.report.ExpectedCounts;
import vn.povertyreview.sink.access.AnalystName;

/**
 * Analysts connect as themselves, with their passwords, to a real PostgreSQL holding rows of
 * Thanh Hóa (38) and Nghệ An (40) in both maps, and read only the rows of their scope.
 */
class AnalystAccessTest {

    private static final String DATABASE = "analyst_access";
    private static final AnalystName THANH_HOA = new AnalystName("thanh_hoa_thong_ke");
    private static final AnalystName NGHE_AN = new AnalystName("nghe_an_thong_ke");
    private static final AnalystName HA_TRUNG = new AnalystName("ha_trung_van_phong");
    private static final String PASSWORD = "mat-khau-thu-nghiem-1";

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();
    static Jdbi jdbi;
    static AnalystAccounts accounts;

    @BeforeAll
    static void rowsOfTwoProvincesInBothMapsAndThreeAnalysts() {
        postgres.server().createDatabaseIfMissing(DATABASE);
        jdbi = SinkDatabase.open(postgres.server().dataSource(DATABASE));
        SinkWriter writer = new SinkWriter(jdbi, "poverty-sink");
        writer.write(List.of(
                aRollupOf(2024, "VN").at(0, 0),
                aRollupOf(2024, "38").at(0, 1),
                aRollupOf(2024, "392").at(0, 2),
                aRollupOf(2024, "15271").at(0, 3),
                aRollupOf(2024, "15271-TK1").at(0, 4),
                aRollupOf(2024, "15304").at(0, 5),
                aRollupOf(2024, "40").at(0, 6),
                aRollupOf(2024, "412").at(0, 7),
                aRollupOf(2024, "16663").at(0, 8),
                aRollupOf(2025, "VN").at(0, 9),
                aRollupOf(2025, "38").at(0, 10),
                aRollupOf(2025, "15271").at(0, 11),
                aRollupOf(2025, "15271-TK1").at(0, 12),
                aRollupOf(2025, "40").at(0, 13),
                aRollupOf(2025, "16681").at(0, 14),
                aRollupOf(2025, "16681-K2").at(0, 15),
                aDisagreementOf(2025, "HH-38-1").at(1, 0),
                aDisagreementOf(2024, "HH-38-2").place("38", "392", "15271", "15271-TK1", Area.URBAN).at(1, 1),
                aDisagreementOf(2025, "HH-40-1").place("40", null, "16681", "16681-K2", Area.URBAN).at(1, 2),
                aStatusOf(2025, "VN").at(2, 0),
                aStatusOf(2025, "38").at(2, 1),
                aStatusOf(2025, "15271-TK1").at(2, 2),
                aStatusOf(2025, "40").at(2, 3),
                anAlertOf(2025, "15271").at(3, 0),
                anAlertOf(2025, "16681").at(3, 1),
                anAlertOf(2025, "VN").at(3, 2),
                aSubmissionTouching("2025/15271").detail("marker", "submission-2025-15271").at(4, 0),
                aSubmissionTouching("2024/15304").detail("marker", "submission-2024-15304").at(4, 1),
                anEvent(AuditAction.TARGET_SET, "2025/15271-TK1").detail("marker", "target-2025-15271-TK1").at(4, 2),
                anEvent(AuditAction.TOKEN_CREATED, "15304").detail("marker", "token-15304").at(4, 3),
                anEvent(AuditAction.WITHDRAWAL, "2025/16681").detail("marker", "withdrawal-2025-16681").at(4, 4),
                anEvent(AuditAction.TARGET_SET, "2025/VN").detail("marker", "target-2025-VN").at(4, 5),
                anEvent(AuditAction.ADMIN_TOKEN_ROTATED).detail("marker", "rotation").at(4, 6)), Map.of());
        ExpectedCounts expected = new ExpectedCounts(jdbi);
        expected.set(2025, "15271", 8_000, "admin", Instant.parse("2025-10-01T00:00:00Z"));
        expected.set(2025, "16681", 5_000, "admin", Instant.parse("2025-10-01T00:00:00Z"));
        expected.set(2025, "VN", 27_000_000, "admin", Instant.parse("2025-10-01T00:00:00Z"));
        accounts = new AnalystAccounts(jdbi, AdminMaps.official());
        accounts.add(THANH_HOA, Scope.viewerOf(List.of("38"), List.of()), PASSWORD.toCharArray());
        accounts.add(NGHE_AN, Scope.viewerOf(List.of("40"), List.of()), PASSWORD.toCharArray());
        accounts.add(HA_TRUNG, Scope.viewerOf(List.of(), List.of("15271")), PASSWORD.toCharArray());
    }

    @Test
    void aProvinceAnalystReadsItsDistrictsCommunesAndVillagesOf2024AndItsCommunesAndVillagesOf2025() throws SQLException {
        assertThat(column(THANH_HOA, "SELECT review_year || ':' || unit_code FROM unit_rollup ORDER BY 1"))
                .containsExactly("2024:15271", "2024:15271-TK1", "2024:15304", "2024:38", "2024:392",
                        "2025:15271", "2025:15271-TK1", "2025:38");
        assertThat(column(THANH_HOA, "SELECT district_code FROM district_poverty WHERE review_year = 2024")).containsExactly("392");
        assertThat(column(THANH_HOA, "SELECT review_year || ':' || commune_code || ':' || province_name FROM commune_poverty ORDER BY 1"))
                .containsExactly("2024:15271:Tỉnh Thanh Hóa", "2024:15304:Tỉnh Thanh Hóa", "2025:15271:Tỉnh Thanh Hóa");
        assertThat(column(THANH_HOA, "SELECT province_code FROM province_poverty ORDER BY review_year")).containsExactly("38", "38");
        assertThat(column(THANH_HOA, "SELECT household_id FROM classification_disagreement ORDER BY 1"))
                .containsExactly("HH-38-1", "HH-38-2");
        assertThat(column(THANH_HOA, "SELECT unit_code FROM target_status ORDER BY 1")).containsExactly("15271-TK1", "38");
        assertThat(column(THANH_HOA, "SELECT unit_code FROM target_gap_alert")).containsExactly("15271");
        assertThat(column(THANH_HOA, "SELECT review_year || ':' || unit_code || ':' || coalesce(expected_source, '-')"
                + " FROM review_progress ORDER BY 1"))
                .containsExactly("2024:15271-TK1:-", "2024:15271:-", "2024:15304:-", "2024:38:-", "2024:392:-",
                        "2025:15271-TK1:-", "2025:15271:SET", "2025:38:-");
        assertThat(column(THANH_HOA, "SELECT unit_code FROM expected_household_count")).containsExactly("15271");
    }

    @Test
    void anAnalystReadsTheAuditEventsOfItsUnitsEachReadInTheMapOfItsYear() throws SQLException {
        String markers = "SELECT detail ->> 'marker' FROM audit_event ORDER BY 1";
        assertThat(column(THANH_HOA, markers)).as("Thanh Hóa's communes of 2024 and 2025, a village of one, a token of one")
                .containsExactly("submission-2024-15304", "submission-2025-15271", "target-2025-15271-TK1", "token-15304");
        assertThat(column(HA_TRUNG, markers)).as("not Xã Hà Ngọc (15304), merged into Xã Hà Trung in 2025")
                .containsExactly("submission-2025-15271", "target-2025-15271-TK1");
        assertThat(column(NGHE_AN, markers)).containsExactly("withdrawal-2025-16681");
        assertThat(TestDatabases.count(jdbi, "audit_event"))
                .as("the nation's target and the admin-token rotation are the sink's to read only").isEqualTo(7);
    }

    @Test
    void aCommuneAnalystReadsItsCommuneAndItsVillagesInEachYearsMapButNothingAbove() throws SQLException {
        assertThat(column(HA_TRUNG, "SELECT review_year || ':' || unit_code FROM unit_rollup ORDER BY 1"))
                .as("Thị trấn Hà Trung in 2024, the merged Xã Hà Trung in 2025; not Xã Hà Ngọc (15304), merged into it")
                .containsExactly("2024:15271", "2024:15271-TK1", "2025:15271", "2025:15271-TK1");
        assertThat(column(HA_TRUNG, "SELECT coalesce(district_name, '-') || ':' || coalesce(province_name, '-')"
                + " FROM commune_poverty WHERE review_year = 2024"))
                .as("the district's and province's rows, whose names the view shows, are outside the scope")
                .containsExactly("-:-");
        assertThat(column(HA_TRUNG, "SELECT unit_code FROM target_status")).containsExactly("15271-TK1");
        assertThat(column(HA_TRUNG, "SELECT count(*)::text FROM district_poverty")).containsExactly("0");
    }

    @Test
    void noAnalystReadsTheNationOrAnotherProvinceThroughAnyTableOrViewItMayRead() throws SQLException {
        List<String> readable = readableRelations();
        assertThat(readable).as("what the analysts' group may read")
                .contains("unit_rollup", "target_status", "target_gap_alert", "classification_disagreement", "audit_event",
                        "province_poverty", "district_poverty", "commune_poverty", "review_progress",
                        "expected_household_count")
                .doesNotContain("sink_offset", "flyway_schema_history");
        for (String relation : readable) {
            Set<String> thanhHoa = rows(THANH_HOA, relation);
            Set<String> ngheAn = rows(NGHE_AN, relation);
            assertThat(thanhHoa).as("rows of %s that Thanh Hóa's analyst reads", relation).isNotEmpty();
            assertThat(ngheAn).as("rows of %s that Nghệ An's analyst reads", relation).isNotEmpty();
            assertThat(thanhHoa).as("rows of %s that both read", relation).doesNotContainAnyElementsOf(ngheAn);
            assertThat(thanhHoa).as("%s as Thanh Hóa's analyst", relation).noneMatch(row -> row.contains("\"unit_code\":\"VN\""));
        }
    }

    @Test
    void everyRelationTheAnalystsMayReadIsGuardedByRowLevelSecurityOrReadsAsTheAnalyst() {
        List<Map<String, Object>> unguarded = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT c.relname, c.relkind::text AS kind
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                   AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND has_table_privilege('poverty_analyst', c.oid, 'SELECT')
                   AND NOT (c.relkind IN ('r', 'p') AND c.relrowsecurity
                            AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
                   AND NOT (c.relkind = 'v' AND 'security_invoker=true' = ANY (coalesce(c.reloptions, '{}')))
                """).mapToMap().list());

        assertThat(unguarded).as("readable by analysts without row-level security").isEmpty();
    }

    @Test
    void anAnalystMayReadNeitherTheSinksOffsetsNorTheMigrationHistory() {
        for (String table : List.of("sink_offset", "flyway_schema_history")) {
            assertThatThrownBy(() -> column(THANH_HOA, "SELECT count(*)::text FROM " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void anAnalystMayNotInsertUpdateDeleteOrTruncateAnything() throws SQLException {
        List<String> refused = new ArrayList<>();
        Map<String, String> firstColumns = firstColumnOfEveryRelation();
        try (Connection connection = connect(THANH_HOA, PASSWORD); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> relation : firstColumns.entrySet()) {
                String name = relation.getKey();
                String column = relation.getValue();
                // DEFAULT VALUES: a copy of the rows (INSERT ... SELECT *) would be refused for the generated rate
                // columns before the privileges are even looked at.
                for (String change : List.of("INSERT INTO " + name + " DEFAULT VALUES",
                        "UPDATE " + name + " SET " + column + " = " + column,
                        "DELETE FROM " + name,
                        "TRUNCATE " + name)) {
                    try {
                        statement.execute(change);
                    } catch (SQLException e) {
                        // No privilege; or a view that takes no change at all, or no TRUNCATE, whatever the privileges.
                        if (Set.of("42501", "55000", "42809").contains(e.getSQLState())) {
                            refused.add(change);
                            continue;
                        }
                        throw e;
                    }
                }
            }
        }
        assertThat(firstColumns).containsKeys("unit_rollup", "analyst", "analyst_unit", "commune_poverty", "sink_offset");
        assertThat(refused).as("every change refused for lack of privilege").hasSize(firstColumns.size() * 4);
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).as("rows after the attempts").isEqualTo(16);
    }

    @Test
    void anAnalystReadsItsOwnScopeButNoOtherAnalysts() throws SQLException {
        assertThat(column(NGHE_AN, "SELECT role_name || ':' || array_to_string(provinces, ',') FROM analyst"))
                .containsExactly("nghe_an_thong_ke:40");
        assertThat(column(NGHE_AN, "SELECT DISTINCT role_name FROM analyst_unit")).containsExactly("nghe_an_thong_ke");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect(THANH_HOA, "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void removingAnAnalystEndsItsOpenSessionAndItsLogin() throws SQLException {
        AnalystName leaving = new AnalystName("analyst_leaving");
        accounts.add(leaving, Scope.viewerOf(List.of("38"), List.of()), PASSWORD.toCharArray());
        try (Connection open = connect(leaving, PASSWORD); Statement statement = open.createStatement()) {
            assertThat(statement.execute("SELECT count(*) FROM unit_rollup")).isTrue();

            AnalystAccounts.Removal removal = accounts.remove(leaving);

            assertThat(removal.sessionsEnded()).isEqualTo(1);
            assertThat(removal.leftOver()).isEmpty();
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM unit_rollup"))
                    .as("the open session was ended").isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> connect(leaving, PASSWORD).close()).isInstanceOf(SQLException.class);
        assertThat(accounts.list()).extracting(Analyst::name).doesNotContain(leaving);
        long roles = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_roles WHERE rolname = 'analyst_leaving'")
                .mapTo(Long.class).one());
        assertThat(roles).as("the role was dropped").isZero();
    }

    @Test
    void listShowsEveryAnalystWithItsScope() {
        assertThat(accounts.list()).extracting(analyst -> analyst.name() + " " + analyst.scope() + " " + analyst.canLogIn())
                .contains("ha_trung_van_phong viewer of communes 15271 true",
                        "nghe_an_thong_ke viewer of provinces 40 true",
                        "thanh_hoa_thong_ke viewer of provinces 38 true");
        assertThat(accounts.list()).allSatisfy(analyst -> assertThat(analyst.createdAt()).isNotNull());
    }

    @Test
    void addRefusesANameTakenAndCodesOfNoMap() {
        assertThatThrownBy(() -> accounts.add(THANH_HOA, Scope.viewerOf(List.of("38"), List.of()), PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> accounts.add(new AnalystName("someone"), Scope.viewerOf(List.of("99"), List.of("392")),
                PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no map the product knows has province 99, commune 392");
        assertThatThrownBy(() -> new AnalystName("Thanh Hóa")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> new AnalystName("pg_read_all_data")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void refreshingRestoresTheUnitsAScopeCovers() {
        long before = unitsOf(NGHE_AN);
        jdbi.useHandle(handle -> handle.execute("DELETE FROM analyst_unit WHERE role_name = ? AND review_year = 2024",
                NGHE_AN.value()));

        assertThat(accounts.refreshUnits()).isEqualTo(1);
        assertThat(unitsOf(NGHE_AN)).isEqualTo(before);
        assertThat(accounts.refreshUnits()).as("nothing left to rewrite").isZero();
    }

    private static long unitsOf(AnalystName name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM analyst_unit WHERE role_name = :name")
                .bind("name", name.value()).mapTo(Long.class).one());
    }

    private static List<String> readableRelations() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND has_table_privilege('poverty_analyst', c.oid, 'SELECT')
                 ORDER BY c.relname
                """).mapTo(String.class).list());
    }

    /** Every table and view of the public schema with the name of its first column. */
    private static Map<String, String> firstColumnOfEveryRelation() {
        Map<String, String> columns = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                SELECT c.relname, a.attname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v')
                 ORDER BY c.relname
                """).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> columns.put(entry.getKey(), entry.getValue())));
        return columns;
    }

    private static Set<String> rows(AnalystName analyst, String relation) throws SQLException {
        return new HashSet<>(column(analyst, "SELECT row_to_json(t)::text FROM " + relation + " t"));
    }

    private static List<String> column(AnalystName analyst, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(analyst, PASSWORD); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(AnalystName analyst, String password) throws SQLException {
        return DriverManager.getConnection(postgres.server().jdbcUrl(DATABASE), analyst.value(), password);
    }
}
