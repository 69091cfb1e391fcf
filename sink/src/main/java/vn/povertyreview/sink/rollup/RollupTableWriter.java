package vn.povertyreview.sink.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.sink.TableChanges;
import vn.povertyreview.sink.TableWriter;

/**
 * Writes unit-rollups into {@code unit_rollup}: a rollup replaces a stored row only with a higher
 * revision, so an older rollup arriving late, or a replayed one, changes nothing; a tombstone is
 * ignored (rollup rows are never deleted). Stateless and thread-safe.
 */
public final class RollupTableWriter implements TableWriter<UnitRollup, RollupRow> {

    private static final Logger LOG = LoggerFactory.getLogger(RollupTableWriter.class);
    private static final Comparator<RollupRow> BY_KEY =
            Comparator.comparing(RollupRow::unitCode).thenComparingInt(RollupRow::reviewYear);

    private final Topic<String, UnitRollup> topic;

    public RollupTableWriter(Topic<String, UnitRollup> topic) {
        this.topic = topic;
    }

    @Override
    public Topic<String, UnitRollup> topic() {
        return topic;
    }

    @Override
    public RollupRow row(UnitRollup rollup) {
        return RollupRow.of(rollup);
    }

    @Override
    public TableChanges write(Handle handle, List<ConsumerRecord<String, RollupRow>> records) {
        Map<UnitKey, RollupRow> latest = new HashMap<>();
        int tombstones = 0;
        for (ConsumerRecord<String, RollupRow> record : records) {
            if (record.value() == null) {
                tombstones++;
                LOG.debug("Ignoring the tombstone for {} at {}-{} offset {}", record.key(), record.topic(), record.partition(),
                        record.offset());
                continue;
            }
            // One INSERT ... ON CONFLICT may not touch a row twice: keep the highest revision of each unit.
            latest.merge(record.value().key(), record.value(),
                    (kept, candidate) -> candidate.revision() > kept.revision() ? candidate : kept);
        }
        List<RollupRow> rows = new ArrayList<>(latest.values());
        // Rows in key order: concurrent writers then lock rows in the same order and cannot deadlock.
        rows.sort(BY_KEY);
        int changed = rows.isEmpty() ? 0 : handle.attach(RollupDao.class).upsert(rows);
        return new TableChanges(rows.size(), changed, 0, tombstones);
    }
}
