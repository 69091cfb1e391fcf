package vn.povertyreview.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How often Streams committed, and why, read from its metrics: every commit publishes what the
 * tasks summed since the last, so the commit count sets how many rollups a load costs.
 *
 * @param commits   commits of all stream threads
 * @param early     early commits the product's processors asked for, by "processor reason"
 */
record StreamsCommits(long commits, Map<String, Long> early) {

    private static final String THREAD_GROUP = "stream-thread-metrics";
    private static final String EARLY_COMMITS = "early-commits-total";

    /** The counts now, over every instance given. */
    static StreamsCommits of(Collection<KafkaStreams> instances) {
        long commits = 0;
        Map<String, Long> early = new TreeMap<>();
        for (KafkaStreams streams : instances) {
            for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
                MetricName name = metric.getKey();
                if (name.group().equals(THREAD_GROUP) && name.name().equals("commit-total")) {
                    commits += count(metric.getValue());
                } else if (name.name().equals(EARLY_COMMITS)) {
                    early.merge(name.tags().get("processor") + " " + name.tags().get("reason"), count(metric.getValue()), Long::sum);
                }
            }
        }
        return new StreamsCommits(commits, early);
    }

    private static long count(Metric metric) {
        return (long) ((Number) metric.metricValue()).doubleValue();
    }

    /** What happened between {@code before} and this. */
    StreamsCommits since(StreamsCommits before) {
        Map<String, Long> early = new TreeMap<>(this.early);
        before.early.forEach((reason, count) -> early.merge(reason, -count, Long::sum));
        return new StreamsCommits(commits - before.commits, early);
    }

    /** One line for the report, with the commits per thread and second. */
    String describe(int threads, double seconds) {
        return String.format("Streams committed %,d times (%.1f per thread and second); early commits asked for: %s",
                commits, commits / (double) threads / seconds, early);
    }
}
