package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.sink.report.ExpectedCounts;

class ReviewProgressTest {

    private static final Instant LAST_CHANGE = Instant.parse("2025-11-03T02:15:00Z");

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;

    @BeforeEach
    void haTrungHalfwayThroughItsSeason() {
        jdbi = TestDatabases.fresh(postgres.server());
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                // 2024 ended with 715 households in what became Xã Hà Trung; 36 reviewed so far in 2025.
                aRollupOf(2025, "15271").households(36, 2, 3).maps(Map.of("START_HOUSEHOLDS", 715L), Map.of())
                        .updatedAt(LAST_CHANGE).at(0, 0),
                // A row written before the start-of-year figures existed: nothing is expected of it.
                aRollupOf(2025, "38").households(1_000, 20, 30).at(0, 1)), Map.of());
    }

    @Test
    void theHouseholdsExpectedAreThePreviousYearsFinalCount() {
        Map<String, Object> row = progress("15271");

        assertThat(row).containsEntry("reviewed_households", 36L).containsEntry("expected_households", 715L)
                .containsEntry("expected_source", "PREVIOUS_YEAR");
        // 36 of 715 is 5.0349…%: shown with 2 decimals it is 5.03, rounded once from the full quotient.
        assertThat(((BigDecimal) row.get("reviewed_percent")).setScale(2, RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("5.03"));
        assertThat(((Timestamp) row.get("last_change_at")).toInstant()).isEqualTo(LAST_CHANGE);
    }

    @Test
    void anExpectedCountSetByAnAdminReplacesThePreviousYearsAndClearingItBringsThatBack() {
        ExpectedCounts counts = new ExpectedCounts(jdbi);
        counts.set(2025, "15271", 900, "admin", Instant.parse("2025-10-01T00:00:00Z"));

        assertThat(progress("15271")).containsEntry("expected_households", 900L).containsEntry("expected_source", "SET");
        assertThat((BigDecimal) progress("15271").get("reviewed_percent")).isEqualByComparingTo("4");

        assertThat(counts.clear(2025, "15271")).isTrue();
        assertThat(counts.clear(2025, "15271")).as("nothing left to clear").isFalse();
        assertThat(progress("15271")).containsEntry("expected_households", 715L).containsEntry("expected_source", "PREVIOUS_YEAR");
    }

    @Test
    void aUnitWithNothingExpectedHasNoShare() {
        assertThat(progress("38")).containsEntry("reviewed_households", 1_000L).containsEntry("expected_households", null)
                .containsEntry("expected_source", null).containsEntry("reviewed_percent", null);
    }

    @Test
    void everyColumnOfTheViewHasABilingualComment() {
        List<Map<String, Object>> comments = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.attname AS column_name, col_description(a.attrelid, a.attnum) AS comment
                          FROM pg_attribute a
                         WHERE a.attrelid = 'review_progress'::regclass AND a.attnum > 0""")
                .mapToMap().list());

        assertThat(comments).hasSize(10).allSatisfy(column ->
                assertThat(column.get("comment")).as("%s", column.get("column_name")).asString().contains(" / "));
    }

    private Map<String, Object> progress(String unitCode) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM review_progress WHERE review_year = 2025 AND unit_code = :unit")
                .bind("unit", unitCode).mapToMap().one());
    }
}
