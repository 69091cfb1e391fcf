package vn.povertyreview.sink;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import vn.povertyreview.schemas.Topic;

/**
 * Writes the records of one topic into its table: the one place that knows the table's DAO and how
 * a record of the topic becomes a row. The sink's consumer reads every value of the topic into its
 * row once ({@link #row}); the {@link SinkWriter} hands the writer its topic's records of each
 * polled batch inside the batch's transaction, which also stores the offsets.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <V> the values of the topic
 * @param <R> the row a value becomes
 */
public interface TableWriter<V, R> {

    /** The topic whose records this writer stores. */
    Topic<String, V> topic();

    /**
     * The row of a value of the topic.
     *
     * @throws IllegalArgumentException if the value cannot be stored (the sink then skips its record as unreadable)
     */
    R row(V value);

    /**
     * Writes the records of one batch, in offset order per partition, their values as rows
     * ({@link #row}) and null for a tombstone, on the handle of the batch's transaction.
     */
    TableChanges write(Handle handle, List<ConsumerRecord<String, R>> records);
}
