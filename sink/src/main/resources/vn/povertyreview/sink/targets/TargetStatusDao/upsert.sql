-- A status replaces the stored one only with a higher revision: a replayed or late status changes
-- nothing. The parents arrive as JSON text.
INSERT INTO target_status (review_year, unit_code, measure, unit_name, parents, kind, target_value,
            baseline_poor_households, baseline_total_households, baseline_rate, baseline_stated,
            target_end_households, target_end_rate, current_poor_households, current_total_households,
            current_rate, gap_households, gap_points, completion_percent, reviewed_share, status,
            year_closed, revision, updated_at)
VALUES (:reviewYear, :unitCode, :measure, :unitName, CAST(:parents AS jsonb), :kind, :targetValue,
        :baselinePoorHouseholds, :baselineTotalHouseholds, :baselineRate, :baselineStated,
        :targetEndHouseholds, :targetEndRate, :currentPoorHouseholds, :currentTotalHouseholds,
        :currentRate, :gapHouseholds, :gapPoints, :completionPercent, :reviewedShare, :status,
        :yearClosed, :revision, :updatedAt)
ON CONFLICT (review_year, unit_code, measure) DO UPDATE
   SET unit_name                 = EXCLUDED.unit_name,
       parents                   = EXCLUDED.parents,
       kind                      = EXCLUDED.kind,
       target_value              = EXCLUDED.target_value,
       baseline_poor_households  = EXCLUDED.baseline_poor_households,
       baseline_total_households = EXCLUDED.baseline_total_households,
       baseline_rate             = EXCLUDED.baseline_rate,
       baseline_stated           = EXCLUDED.baseline_stated,
       target_end_households     = EXCLUDED.target_end_households,
       target_end_rate           = EXCLUDED.target_end_rate,
       current_poor_households   = EXCLUDED.current_poor_households,
       current_total_households  = EXCLUDED.current_total_households,
       current_rate              = EXCLUDED.current_rate,
       gap_households            = EXCLUDED.gap_households,
       gap_points                = EXCLUDED.gap_points,
       completion_percent        = EXCLUDED.completion_percent,
       reviewed_share            = EXCLUDED.reviewed_share,
       status                    = EXCLUDED.status,
       year_closed               = EXCLUDED.year_closed,
       revision                  = EXCLUDED.revision,
       updated_at                = EXCLUDED.updated_at
 WHERE target_status.revision < EXCLUDED.revision
