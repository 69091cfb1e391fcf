package vn.povertyreview.sink.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.TableChanges;
import vn.povertyreview.sink.TableWriter;

/**
 * Writes audit-events into the append-only {@code audit_event}: an event is inserted once, by its
 * event id, so a batch replayed after a crash (its offsets were not stored) changes nothing; a
 * tombstone, which no producer writes, is ignored. Stateless and thread-safe.
 */
public final class AuditEventTableWriter implements TableWriter<AuditEvent, AuditEventRow> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditEventTableWriter.class);

    private final Topic<String, AuditEvent> topic;

    public AuditEventTableWriter(Topic<String, AuditEvent> topic) {
        this.topic = topic;
    }

    @Override
    public Topic<String, AuditEvent> topic() {
        return topic;
    }

    @Override
    public AuditEventRow row(AuditEvent event) {
        return AuditEventRow.of(event);
    }

    @Override
    public TableChanges write(Handle handle, List<ConsumerRecord<String, AuditEventRow>> records) {
        Map<UUID, AuditEventRow> byId = new LinkedHashMap<>();
        int tombstones = 0;
        for (ConsumerRecord<String, AuditEventRow> record : records) {
            if (record.value() == null) {
                tombstones++;
                LOG.debug("Ignoring the tombstone for audit event {} at {}-{} offset {}", record.key(), record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            byId.putIfAbsent(record.value().eventId(), record.value());
        }
        List<AuditEventRow> events = new ArrayList<>(byId.values());
        // One order for every writer, so that two batches inserting the same events never wait on each other in turn.
        events.sort(Comparator.comparing(AuditEventRow::eventId));
        int[] inserted = events.isEmpty() ? new int[0] : handle.attach(AuditEventDao.class).insert(events);
        return new TableChanges(events.size(), TableChanges.touched(inserted), 0, tombstones);
    }
}
