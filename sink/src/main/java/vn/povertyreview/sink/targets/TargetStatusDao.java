package vn.povertyreview.sink.targets;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import vn.povertyreview.schemas.TargetKey;

/**
 * The {@code target_status} table. A status replaces the stored one only with a higher revision; a
 * tombstone of the target-statuses topic deletes the row. The upsert is in
 * {@code TargetStatusDao/upsert.sql} beside this interface. An instance is bound to the handle it
 * was attached to; use it on that handle's thread.
 */
public interface TargetStatusDao {

    /**
     * Inserts the rows or updates the stored ones that have a lower revision; the keys must be distinct.
     *
     * @return per row, 1 if it was inserted or updated, 0 if it was older than or equal to the stored one
     */
    @SqlBatch
    @UseClasspathSqlLocator
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
