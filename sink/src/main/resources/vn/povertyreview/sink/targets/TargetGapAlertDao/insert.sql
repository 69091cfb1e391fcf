-- The table is append-only: a replayed alert is already stored and changes nothing, and, inserting
-- no row, does not fire the trigger that notifies channel target_gap_alert.
INSERT INTO target_gap_alert (alert_id, review_year, unit_code, unit_name, parents, measure, kind, target_value,
            status, previous_status, year_closed, gap_households, gap_points, completion_percent,
            message_vi, message_en, raised_at)
VALUES (:alertId, :reviewYear, :unitCode, :unitName, CAST(:parents AS jsonb), :measure, :kind, :targetValue,
        :status, :previousStatus, :yearClosed, :gapHouseholds, :gapPoints, :completionPercent,
        :messageVi, :messageEn, :raisedAt)
ON CONFLICT (alert_id) DO NOTHING
