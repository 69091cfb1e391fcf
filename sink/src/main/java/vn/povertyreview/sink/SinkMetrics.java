package vn.povertyreview.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's meters, shared by the writers of one sink instance: rows written per table, how long
 * a batch took to be written with its offsets, and how far the writers are behind each topic they
 * read (records the topic has that no writer has read yet, summed over the writers' partitions).
 * Thread-safe.
 */
public final class SinkMetrics {

    static final String ROWS_WRITTEN = "poverty.sink.written";
    static final String BATCHES = "poverty.sink.batch";
    static final String LAG = "poverty.sink.lag";

    private final Counter rollupRows;
    private final Counter disagreementRows;
    private final Counter statusRows;
    private final Counter alertRows;
    private final Counter auditRows;
    private final Timer batches;
    private final List<String> topics;
    private final List<WriterLag> writers = new CopyOnWriteArrayList<>();

    public SinkMetrics(MeterRegistry registry, SinkSettings settings) {
        rollupRows = rows(registry, "unit_rollup");
        disagreementRows = rows(registry, "classification_disagreement");
        statusRows = rows(registry, "target_status");
        alertRows = rows(registry, "target_gap_alert");
        auditRows = rows(registry, "audit_event");
        batches = Timer.builder(BATCHES)
                .description("How long a polled batch took to be written to PostgreSQL with its offsets, retries included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        topics = settings.topics();
        for (String topic : topics) {
            Gauge.builder(LAG, () -> lagBehind(topic)).baseUnit("records")
                    .description("Records of the topic that the sink's writers have not yet written (read-committed)")
                    .tag("topic", topic).register(registry);
        }
    }

    /** Meters kept nowhere: for writers run without a launcher (tests, harnesses). */
    static SinkMetrics unregistered(SinkSettings settings) {
        return new SinkMetrics(new SimpleMeterRegistry(), settings);
    }

    private static Counter rows(MeterRegistry registry, String table) {
        return Counter.builder(ROWS_WRITTEN).baseUnit("rows")
                .description("Rows the sink inserted, updated or deleted, per table (rows already up to date are not counted)")
                .tag("table", table).register(registry);
    }

    /** Counts a written batch and how long it took. */
    void written(WrittenBatch batch, long nanos) {
        rollupRows.increment(batch.rowsChanged());
        disagreementRows.increment(batch.disagreements() + batch.disagreementsDeleted());
        statusRows.increment(batch.statusesChanged() + batch.statusesDeleted());
        alertRows.increment(batch.alertsInserted());
        auditRows.increment(batch.auditEventsInserted());
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The lag of one more writer, which it sets after each poll. */
    WriterLag writerLag() {
        WriterLag lag = new WriterLag(topics);
        writers.add(lag);
        return lag;
    }

    /** Forgets a writer that stopped: its partitions are someone else's now, or no one's. */
    void stopped(WriterLag lag) {
        writers.remove(lag);
    }

    private double lagBehind(String topic) {
        long sum = 0;
        for (WriterLag writer : writers) {
            sum += writer.of(topic);
        }
        return sum;
    }

    /** How far one writer is behind on each topic, over the partitions it has. Set on the writer's thread, read by any. */
    static final class WriterLag {

        private final Map<String, AtomicLong> byTopic = new LinkedHashMap<>();

        private WriterLag(List<String> topics) {
            topics.forEach(topic -> byTopic.put(topic, new AtomicLong()));
        }

        /** Sets the topics' lags; a topic the map leaves out has no partition of this writer's, so no lag of its. */
        void set(Map<String, Long> lagByTopic) {
            byTopic.forEach((topic, lag) -> lag.set(lagByTopic.getOrDefault(topic, 0L)));
        }

        long of(String topic) {
            AtomicLong lag = byTopic.get(topic);
            return lag == null ? 0 : lag.get();
        }
    }
}
