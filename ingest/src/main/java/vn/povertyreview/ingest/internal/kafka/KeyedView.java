package vn.povertyreview.ingest.internal.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The current value of every key of a compacted topic, as this instance knows it: fed by a
 * {@link CompactedTopicFollower} and by the handlers that write the topic (so that an instance
 * reads its own writes at once). Kept in key order, so that listings read the same every time.
 * Thread-safe.
 */
public final class KeyedView<V> {

    private final Map<String, V> byKey = new ConcurrentSkipListMap<>();

    /** Applies one record of the topic: a value, or a tombstone (null) that removes the key. */
    public void apply(String key, V value) {
        if (value == null) {
            byKey.remove(key);
        } else {
            byKey.put(key, value);
        }
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The current values that match, in key order. */
    public List<V> values(Predicate<? super V> filter) {
        return byKey.values().stream().filter(filter).toList();
    }

    public int size() {
        return byKey.size();
    }
}
