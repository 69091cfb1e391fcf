package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.sink.rollup.RollupColumns;

class SinkDatabaseTest {

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    @Test
    void migrationsCreateTheTablesAndTheAnalystViews() {
        postgres.server().createDatabaseIfMissing("migrations");
        DataSource dataSource = postgres.server().dataSource("migrations");

        MigrateResult result = SinkDatabase.migrate(dataSource);

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(12);
        Jdbi jdbi = SinkDatabase.jdbi(dataSource);
        List<String> relations = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
                 ORDER BY table_name""").mapTo(String.class).list());
        assertThat(relations).containsExactly("analyst", "analyst_unit", "audit_event", "classification_disagreement", "commune_poverty",
                "district_poverty", "expected_household_count", "province_poverty", "review_progress", "sink_offset", "target_gap_alert",
                "target_status", "unit_rollup");
    }

    @Test
    void migratingAnUpToDateDatabaseChangesNothing() {
        postgres.server().createDatabaseIfMissing("twice");
        DataSource dataSource = postgres.server().dataSource("twice");
        SinkDatabase.migrate(dataSource);

        assertThat(SinkDatabase.migrate(dataSource).migrationsExecuted).isZero();
    }

    @Test
    void tablesCarryCommentsInVietnameseAndEnglish() {
        Jdbi jdbi = TestDatabases.fresh(postgres.server());

        String comment = jdbi.withHandle(handle -> handle
                .createQuery("SELECT obj_description('unit_rollup'::regclass, 'pg_class')").mapTo(String.class).one());

        assertThat(comment).contains("hộ nghèo").contains("poor");
        String disagreements = jdbi.withHandle(handle -> handle
                .createQuery("SELECT obj_description('classification_disagreement'::regclass, 'pg_class')").mapTo(String.class).one());
        assertThat(disagreements).contains("chuẩn nghèo").contains("poverty standard");
    }

    @Test
    void everyColumnOfTheTargetTablesCarriesAComment() {
        Jdbi jdbi = TestDatabases.fresh(postgres.server());

        List<String> uncommented = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
                 WHERE c.table_schema = 'public' AND c.table_name IN ('target_status', 'target_gap_alert')
                   AND col_description(c.table_name::regclass, c.ordinal_position::int) IS NULL""").mapTo(String.class).list());

        assertThat(uncommented).isEmpty();
        String alerts = jdbi.withHandle(handle -> handle
                .createQuery("SELECT obj_description('target_gap_alert'::regclass, 'pg_class')").mapTo(String.class).one());
        assertThat(alerts).contains("chỉ tiêu giảm nghèo").contains("append-only");
    }

    /** A figure or measure added to the domain without a migration that adds its column fails here. */
    @Test
    void everyFigureAndMeasureHasItsColumnInUnitRollupWithItsMeaning() {
        Jdbi jdbi = TestDatabases.fresh(postgres.server());
        Map<String, Map<String, Object>> columns = columnsOf(jdbi, "unit_rollup");

        for (Figure figure : Figure.values()) {
            assertThat(columns).as("column %s of figure %s", figure.column(), figure).containsKey(figure.column());
            assertThat(columns.get(figure.column())).as(figure.column()).containsEntry("data_type", "bigint");
            assertThat(columns.get(figure.column()).get("comment")).as(figure.column()).asString()
                    .contains(figure.vietnamese()).contains(figure.english());
        }
        for (Measure measure : Measure.values()) {
            assertThat(columns).as("column %s of measure %s", measure.column(), measure).containsKey(measure.column());
            if (measure.isRate()) {
                // Computed from the counts, unrounded, so that a report rounds it once.
                assertThat(columns.get(measure.column())).as(measure.column())
                        .containsEntry("data_type", "numeric")
                        .containsEntry("numeric_precision", null)
                        .containsEntry("is_generated", "ALWAYS");
            } else {
                assertThat(columns.get(measure.column())).as(measure.column())
                        .containsEntry("data_type", "numeric")
                        .containsEntry("numeric_precision", 7)
                        .containsEntry("numeric_scale", Measure.RATIO_SCALE);
            }
            assertThat(columns.get(measure.column()).get("comment")).as(measure.column()).asString()
                    .contains(measure.vietnamese()).contains(measure.english());
        }
    }

    @Test
    void theSinkWritesEveryColumnOfUnitRollupAndOnlyTheNewOnesMayBeNull() {
        Jdbi jdbi = TestDatabases.fresh(postgres.server());
        Map<String, Map<String, Object>> columns = columnsOf(jdbi, "unit_rollup");

        Set<String> generated = columns.entrySet().stream().filter(column -> "ALWAYS".equals(column.getValue().get("is_generated")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(generated).containsExactlyInAnyOrder("poor_rate", "near_poor_rate", "ethnic_minority_poor_rate",
                "ethnic_minority_poor_rate_among_ethnic_minority");
        assertThat(RollupColumns.ALL).doesNotHaveDuplicates().doesNotContainAnyElementsOf(generated)
                .containsExactlyInAnyOrderElementsOf(columns.keySet().stream().filter(column -> !generated.contains(column)).toList());
        Set<String> notNull = Set.of("unit_code", "review_year", "map_id", "unit_level", "unit_name", "total_households",
                "poor_households", "near_poor_households", "poor_rate", "near_poor_rate", "revision", "updated_at");
        columns.forEach((column, description) -> assertThat(description).as(column)
                .containsEntry("is_nullable", notNull.contains(column) ? "NO" : "YES"));
    }

    @Test
    void everyColumnOfTheTablesHasAComment() {
        Jdbi jdbi = TestDatabases.fresh(postgres.server());

        for (String table : List.of("unit_rollup", "classification_disagreement")) {
            columnsOf(jdbi, table).forEach((column, description) ->
                    assertThat(description.get("comment")).as("%s.%s", table, column).asString().contains(" / "));
        }
    }

    /** Column name to its information_schema description and comment, in table order. */
    private static Map<String, Map<String, Object>> columnsOf(Jdbi jdbi, String table) {
        Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT column_name, data_type, numeric_precision, numeric_scale, is_nullable, is_generated,
                               col_description(format('%I', table_name)::regclass, ordinal_position::int) AS comment
                          FROM information_schema.columns
                         WHERE table_schema = 'public' AND table_name = :table
                         ORDER BY ordinal_position""")
                .bind("table", table)
                .mapToMap()
                .forEach(row -> columns.put((String) row.get("column_name"), row)));
        return columns;
    }
}
