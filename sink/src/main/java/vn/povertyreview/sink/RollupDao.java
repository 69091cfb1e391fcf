package vn.povertyreview.sink;

import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The {@code unit_rollup} table. Its upsert is generated from the figures and measures
 * ({@link RollupColumns}). An instance is bound to the handle it was attached to; use it on that
 * handle's thread.
 */
public interface RollupDao extends SqlObject {

    /**
     * Inserts the rows or updates the stored ones that have a lower revision; rows at the same or
     * a lower revision than the stored one change nothing. The rows must have distinct keys: one
     * statement may not touch the same row twice.
     *
     * @return per row, 1 if it was inserted or updated, 0 if it was older than or equal to the stored one
     */
    default int[] upsert(Iterable<RollupRow> rows) {
        PreparedBatch batch = getHandle().prepareBatch(RollupColumns.UPSERT);
        for (RollupRow row : rows) {
            RollupColumns.add(batch, row);
        }
        return batch.size() == 0 ? new int[0] : batch.execute();
    }
}
