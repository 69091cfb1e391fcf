package vn.povertyreview.sink.targets;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import vn.povertyreview.schemas.TargetKey;

/**
 * The {@code target_status} table. A status replaces the stored one only with a higher revision; a
 * tombstone of the target-statuses topic deletes the row. An instance is bound to the handle it
 * was attached to; use it on that handle's thread.
 */
public interface TargetStatusDao {

    /**
     * Inserts the rows or updates the stored ones that have a lower revision; the keys must be distinct.
     *
     * @return per row, 1 if it was inserted or updated, 0 if it was older than or equal to the stored one
     */
    @SqlBatch("""
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
            """)
    int[] upsert(@BindMethods Iterable<TargetStatusRow> rows);

    /** Deletes the rows of the targets; @return per key, 1 if a row was deleted, 0 if there was none. */
    @SqlBatch("DELETE FROM target_status WHERE review_year = :reviewYear AND unit_code = :unitCode AND measure = :measureName")
    int[] delete(@BindMethods Iterable<StatusKey> keys);

    /** A target's key with its measure as the stored text. */
    record StatusKey(int reviewYear, String unitCode, String measureName) {

        static StatusKey of(TargetKey key) {
            return new StatusKey(key.reviewYear(), key.unitCode(), key.measure().name());
        }
    }
}
