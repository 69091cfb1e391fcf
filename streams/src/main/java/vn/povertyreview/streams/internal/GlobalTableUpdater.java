package vn.povertyreview.streams.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store equal to its compacted topic: a record replaces the key's value, a tombstone
 * deletes it. A key that {@code validKey} refuses is logged and ignored. Every applied change bumps
 * {@code changes}, shared with the processors that read the store, so that they can tell cheaply
 * whether anything changed since they last read it all.
 */
public final class GlobalTableUpdater<V> implements Processor<String, V, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalTableUpdater.class);

    private final String storeName;
    private final Predicate<String> validKey;
    private final AtomicLong changes;
    private KeyValueStore<String, V> store;

    public GlobalTableUpdater(String storeName, Predicate<String> validKey, AtomicLong changes) {
        this.storeName = storeName;
        this.validKey = validKey;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null || !validKey.test(record.key())) {
            LOG.warn("Ignoring a record of {} with key '{}': not a key of this table", storeName, record.key());
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        changes.incrementAndGet();
    }
}
