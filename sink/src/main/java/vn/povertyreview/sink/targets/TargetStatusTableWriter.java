package vn.povertyreview.sink.targets;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.LastRecordPerKey;
import vn.povertyreview.sink.TableChanges;
import vn.povertyreview.sink.TableWriter;

/**
 * Writes target-statuses into {@code target_status}: a status replaces a stored row only with a
 * higher revision; a tombstone (the target was deleted) deletes the row; within a batch the last
 * record of each target wins. Stateless and thread-safe.
 */
public final class TargetStatusTableWriter implements TableWriter<TargetStatus, TargetStatusRow> {

    private static final Comparator<TargetKey> BY_TARGET =
            Comparator.comparingInt(TargetKey::reviewYear).thenComparing(TargetKey::unitCode).thenComparing(TargetKey::measure);

    private final Topic<String, TargetStatus> topic;

    public TargetStatusTableWriter(Topic<String, TargetStatus> topic) {
        this.topic = topic;
    }

    @Override
    public Topic<String, TargetStatus> topic() {
        return topic;
    }

    @Override
    public TargetStatusRow row(TargetStatus status) {
        return TargetStatusRow.of(status);
    }

    @Override
    public TableChanges write(Handle handle, List<ConsumerRecord<String, TargetStatusRow>> records) {
        LastRecordPerKey<TargetKey, TargetStatusRow> last =
                new LastRecordPerKey<>(records, TargetStatusRow::key, TargetKey::parse, BY_TARGET);
        TargetStatusDao dao = handle.attach(TargetStatusDao.class);
        int[] deleted = last.deletedKeys().isEmpty() ? new int[0]
                : dao.delete(last.deletedKeys().stream().map(TargetStatusDao.StatusKey::of).toList());
        int[] written = last.rows().isEmpty() ? new int[0] : dao.upsert(last.rows());
        return new TableChanges(last.rows().size(), TableChanges.touched(written), TableChanges.touched(deleted), last.tombstonesIgnored());
    }
}
