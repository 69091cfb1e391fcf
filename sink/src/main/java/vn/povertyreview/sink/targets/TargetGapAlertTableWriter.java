package vn.povertyreview.sink.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.TableChanges;
import vn.povertyreview.sink.TableWriter;

/**
 * Writes target-gap-alerts into the append-only {@code target_gap_alert}: an alert is inserted
 * once, a replayed one changes nothing; a tombstone is ignored. Each new row notifies the listeners
 * of channel {@code target_gap_alert} when the transaction commits. Stateless and thread-safe.
 */
public final class TargetGapAlertTableWriter implements TableWriter<TargetGapAlert, TargetGapAlertRow> {

    private static final Logger LOG = LoggerFactory.getLogger(TargetGapAlertTableWriter.class);

    private final Topic<String, TargetGapAlert> topic;

    public TargetGapAlertTableWriter(Topic<String, TargetGapAlert> topic) {
        this.topic = topic;
    }

    @Override
    public Topic<String, TargetGapAlert> topic() {
        return topic;
    }

    @Override
    public TargetGapAlertRow row(TargetGapAlert alert) {
        return TargetGapAlertRow.of(alert);
    }

    @Override
    public TableChanges write(Handle handle, List<ConsumerRecord<String, TargetGapAlertRow>> records) {
        Map<String, TargetGapAlertRow> byId = new HashMap<>();
        int tombstones = 0;
        for (ConsumerRecord<String, TargetGapAlertRow> record : records) {
            if (record.value() == null) {
                tombstones++;
                LOG.debug("Ignoring the tombstone for alert {} at {}-{} offset {}", record.key(), record.topic(), record.partition(),
                        record.offset());
                continue;
            }
            byId.putIfAbsent(record.value().alertId(), record.value());
        }
        List<TargetGapAlertRow> alerts = new ArrayList<>(byId.values());
        alerts.sort(Comparator.comparing(TargetGapAlertRow::alertId));
        int[] inserted = alerts.isEmpty() ? new int[0] : handle.attach(TargetGapAlertDao.class).insert(alerts);
        return new TableChanges(alerts.size(), TableChanges.touched(inserted), 0, tombstones);
    }
}
