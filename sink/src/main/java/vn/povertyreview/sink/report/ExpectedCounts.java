package vn.povertyreview.sink.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * The expected household counts an admin sets (table {@code expected_household_count}), which
 * replace the previous year's final count in {@code review_progress}. Written straight to the
 * database: a setting of one row that nothing else derives from, so it needs no topic. Thread-safe.
 */
public final class ExpectedCounts {

    private final Jdbi jdbi;

    public ExpectedCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Sets (or replaces) the households expected of the unit in the year. */
    public void set(int reviewYear, String unitCode, long households, String setBy, Instant setAt) {
        if (households < 0) {
            throw new IllegalArgumentException("an expected count is not negative, got " + households);
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO expected_household_count (review_year, unit_code, households, set_by, set_at)
                        VALUES (:year, :unit, :households, :setBy, :setAt)
                        ON CONFLICT (review_year, unit_code) DO UPDATE
                           SET households = EXCLUDED.households, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                .bind("year", reviewYear)
                .bind("unit", unitCode)
                .bind("households", households)
                .bind("setBy", setBy)
                .bind("setAt", OffsetDateTime.ofInstant(setAt, ZoneOffset.UTC))
                .execute());
    }

    /** Removes the unit's expected count of the year, so the previous year's final count applies again; false if none was set. */
    public boolean clear(int reviewYear, String unitCode) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM expected_household_count WHERE review_year = :year AND unit_code = :unit")
                .bind("year", reviewYear)
                .bind("unit", unitCode)
                .execute()) > 0;
    }
}
