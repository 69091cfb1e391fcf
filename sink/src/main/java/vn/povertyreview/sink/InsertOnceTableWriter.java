package vn.povertyreview.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.Topic;

/**
 * Writes a topic into an append-only table, each row inserted once by its id: a batch replayed
 * after a crash (its offsets were not stored) changes nothing, and a tombstone, which no producer
 * of these topics writes, is ignored. A concrete writer says only how a value becomes a row, what
 * the row's id is and how rows are inserted ({@code ON CONFLICT DO NOTHING}). Stateless and
 * thread-safe.
 *
 * @param <V> the topic's values
 * @param <R> the table's rows
 * @param <I> the rows' ids
 */
public abstract class InsertOnceTableWriter<V, R, I extends Comparable<I>> implements TableWriter<V, R> {

    private static final Logger LOG = LoggerFactory.getLogger(InsertOnceTableWriter.class);

    private final Topic<String, V> topic;

    protected InsertOnceTableWriter(Topic<String, V> topic) {
        this.topic = topic;
    }

    /** The id the table knows a row by. */
    protected abstract I idOf(R row);

    /** Inserts the rows, each not yet in the table; answers the rows inserted per row, as a JDBI batch does. */
    protected abstract int[] insert(Handle handle, List<R> rows);

    @Override
    public final Topic<String, V> topic() {
        return topic;
    }

    @Override
    public final TableChanges write(Handle handle, List<ConsumerRecord<String, R>> records) {
        Map<I, R> byId = new LinkedHashMap<>();
        int tombstones = 0;
        for (ConsumerRecord<String, R> record : records) {
            if (record.value() == null) {
                tombstones++;
                LOG.debug("Ignoring the tombstone for {} at {}-{} offset {}", record.key(), record.topic(), record.partition(),
                        record.offset());
                continue;
            }
            byId.putIfAbsent(idOf(record.value()), record.value());
        }
        List<R> rows = new ArrayList<>(byId.values());
        // One order for every writer, so that two batches inserting the same rows never wait on each other in turn.
        rows.sort(Comparator.comparing(this::idOf));
        int[] inserted = rows.isEmpty() ? new int[0] : insert(handle, rows);
        return new TableChanges(rows.size(), TableChanges.touched(inserted), 0, tombstones);
    }
}
