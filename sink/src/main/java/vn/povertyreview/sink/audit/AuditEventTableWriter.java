package vn.povertyreview.sink.audit;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.InsertOnceTableWriter;

/**
 * Writes audit-events into the append-only {@code audit_event}, each event once by its event id
 * ({@link InsertOnceTableWriter}). Stateless and thread-safe.
 */
public final class AuditEventTableWriter extends InsertOnceTableWriter<AuditEvent, AuditEventRow, UUID> {

    public AuditEventTableWriter(Topic<String, AuditEvent> topic) {
        super(topic);
    }

    @Override
    public AuditEventRow row(AuditEvent event) {
        return AuditEventRow.of(event);
    }

    @Override
    protected UUID idOf(AuditEventRow row) {
        return row.eventId();
    }

    @Override
    protected int[] insert(Handle handle, List<AuditEventRow> rows) {
        return handle.attach(AuditEventDao.class).insert(rows);
    }
}
