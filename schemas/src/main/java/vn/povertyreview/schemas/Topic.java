package vn.povertyreview.schemas;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic as one value: its name and the serdes of its keys and values. Immutable. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
