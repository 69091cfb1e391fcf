package vn.povertyreview.sink.report;

import java.time.OffsetDateTime;

/**
 * One row of view {@code review_progress}: how far a unit's review of a year has come. Immutable.
 *
 * @param expected     the households expected, or null while nothing is expected
 * @param expectedSet  whether an admin set {@code expected} (otherwise it is the previous year's final count)
 * @param lastChangeAt when the latest review record that changed the unit's figures of the year was accepted
 */
public record ProgressRow(String unitCode, String unitName, long reviewed, Long expected, boolean expectedSet,
        OffsetDateTime lastChangeAt) {
}
