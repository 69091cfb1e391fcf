package vn.povertyreview.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import vn.povertyreview.streams.RollupTopology;

/**
 * The Streams service's meters: records processed, lag per input topic, its state, the progress of
 * state restores and the movement-balance violations the rollup step counts, beside every metric of
 * Kafka Streams and its clients ({@link KafkaStreamsMetrics}, named {@code kafka_stream_*},
 * {@code kafka_consumer_*}, {@code kafka_producer_*}...).
 *
 * <p>Nothing here is on the processing path: every value is read from Kafka Streams' own metrics or
 * the restore listener when the registry is scraped. Thread-safe.
 */
final class StreamsMetrics implements AutoCloseable {

    static final String PROCESSED = "poverty.streams.processed";
    static final String INPUT_LAG = "poverty.streams.input.lag";
    static final String STATE = "poverty.streams.state";
    static final String BALANCE_VIOLATIONS = "poverty.streams.movement.balance.violations";
    static final String RESTORING = "poverty.streams.restore.partitions";
    static final String RESTORE_REMAINING = "poverty.streams.restore.remaining";
    static final String RESTORED = "poverty.streams.restored";

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics kafka;

    StreamsMetrics(MeterRegistry registry, KafkaStreams streams, RestoreProgress restores, Set<String> inputTopics) {
        this.streams = streams;
        this.kafka = new KafkaStreamsMetrics(streams);
        kafka.bindTo(registry);
        FunctionCounter.builder(PROCESSED, this, metrics -> metrics.sum("stream-thread-metrics", "process-total", name -> true))
                .baseUnit("records").description("Records the stream threads of this instance processed, over all their tasks")
                .register(registry);
        for (String topic : inputTopics) {
            // Read-committed, a consumer's lag runs to the last stable offset, which is what exactly-once
            // can read: records of an open transaction are not lag yet, and commit markers never are.
            Gauge.builder(INPUT_LAG, this, metrics -> metrics.sum("consumer-fetch-manager-metrics", "records-lag",
                            name -> topic.equals(name.tags().get("topic")) && name.tags().containsKey("partition")))
                    .baseUnit("records").description("Records of the input topic this instance has not read yet, over its partitions")
                    .tag("topic", topic).register(registry);
        }
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder(STATE, streams, running -> running.state() == state ? 1 : 0)
                    .description("1 for the state Kafka Streams is in (RUNNING, REBALANCING, ...), 0 for the others")
                    .tag("state", state.name()).register(registry);
        }
        FunctionCounter.builder(BALANCE_VIOLATIONS, this, metrics -> metrics.sum(RollupTopology.METRIC_GROUP,
                        RollupTopology.BALANCE_VIOLATIONS_METRIC, name -> true))
                .description("Unit sums whose movement figures broke a balance identity, over this instance's tasks; must stay 0")
                .register(registry);
        Gauge.builder(RESTORING, restores, RestoreProgress::restoring)
                .description("State store partitions being restored from their changelogs now").register(registry);
        Gauge.builder(RESTORE_REMAINING, restores, RestoreProgress::remainingRecords).baseUnit("records")
                .description("Changelog records the restores under way have still to read").register(registry);
        FunctionCounter.builder(RESTORED, restores, RestoreProgress::restoredRecords).baseUnit("records")
                .description("Changelog records restored into state stores since this instance started").register(registry);
    }

    /**
     * The topics the topology reads that are no internal topic of its own: its sources and the
     * sources of its global stores, without the repartition topics between its sub-topologies.
     */
    static Set<String> inputTopics(Topology topology) {
        TopologyDescription description = topology.describe();
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            topics.addAll(store.source().topicSet());
        }
        topics.removeIf(topic -> topic.endsWith("-repartition"));
        return topics;
    }

    /** The sum of one Kafka Streams metric over the tags the filter keeps; NaN values (not measured yet) count nothing. */
    private double sum(String group, String name, Predicate<MetricName> kept) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName metricName = metric.getKey();
            if (metricName.group().equals(group) && metricName.name().equals(name) && kept.test(metricName)
                    && metric.getValue().metricValue() instanceof Number value && !Double.isNaN(value.doubleValue())) {
                sum += value.doubleValue();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
