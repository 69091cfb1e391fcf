package vn.povertyreview.sink.targets;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * The append-only {@code target_gap_alert} table: an alert is inserted once, a replayed one changes
 * nothing (and, inserting no row, notifies no listener). An instance is bound to the handle it was
 * attached to; use it on that handle's thread.
 */
public interface TargetGapAlertDao {

    /** @return per row, 1 if it was inserted, 0 if an alert of that id was already stored */
    @SqlBatch("""
            INSERT INTO target_gap_alert (alert_id, review_year, unit_code, unit_name, parents, measure, kind, target_value,
                        status, previous_status, year_closed, gap_households, gap_points, completion_percent,
                        message_vi, message_en, raised_at)
            VALUES (:alertId, :reviewYear, :unitCode, :unitName, CAST(:parents AS jsonb), :measure, :kind, :targetValue,
                    :status, :previousStatus, :yearClosed, :gapHouseholds, :gapPoints, :completionPercent,
                    :messageVi, :messageEn, :raisedAt)
            ON CONFLICT (alert_id) DO NOTHING
            """)
    int[] insert(@BindMethods Iterable<TargetGapAlertRow> rows);
}
