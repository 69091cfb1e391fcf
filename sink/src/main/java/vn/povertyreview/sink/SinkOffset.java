package vn.povertyreview.sink;

/** The next offset a consumer group reads on one partition of a topic. Immutable and thread-safe. */
public record SinkOffset(String consumerGroup, String topic, int partition, long nextOffset) {
}
