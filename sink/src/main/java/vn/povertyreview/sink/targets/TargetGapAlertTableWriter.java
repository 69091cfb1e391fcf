package vn.povertyreview.sink.targets;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.InsertOnceTableWriter;

/**
 * Writes target-gap-alerts into the append-only {@code target_gap_alert}, each alert once by its id
 * ({@link InsertOnceTableWriter}). Each new row notifies the listeners of channel {@code
 * target_gap_alert} when the transaction commits. Stateless and thread-safe.
 */
public final class TargetGapAlertTableWriter extends InsertOnceTableWriter<TargetGapAlert, TargetGapAlertRow, String> {

    public TargetGapAlertTableWriter(Topic<String, TargetGapAlert> topic) {
        super(topic);
    }

    @Override
    public TargetGapAlertRow row(TargetGapAlert alert) {
        return TargetGapAlertRow.of(alert);
    }

    @Override
    protected String idOf(TargetGapAlertRow row) {
        return row.alertId();
    }

    @Override
    protected int[] insert(Handle handle, List<TargetGapAlertRow> rows) {
        return handle.attach(TargetGapAlertDao.class).insert(rows);
    }
}
