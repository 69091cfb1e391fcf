package vn.povertyreview.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What this machine can do at most with the same input, measured in the same run: a plain consumer
 * reading every review, a minimal exactly-once Streams application counting reviews per key (one
 * state read and write and one output per review, the least a per-household topology does), and
 * PostgreSQL loading with COPY as many rows of {@code unit_rollup} as the sink wrote. The pipeline's
 * phases are printed as a share of these. Not thread-safe.
 */
final class Ceilings {

    static final String COUNT_APPLICATION_ID = "ceiling-count";
    static final String COUNT_OUTPUT = COUNT_APPLICATION_ID + "-output";
    private static final Duration POLL = Duration.ofMillis(200);

    private final PipelineRig rig;
    private final PhaseMeter meter;

    Ceilings(PipelineRig rig, PhaseMeter meter) {
        this.rig = rig;
        this.meter = meter;
    }

    /** A consumer of the reviews topic (committed records, no group), timed until it has read every record there is. */
    PhaseResult rawConsumer() {
        String topic = rig.topics().householdReviews().name();
        Map<TopicPartition, Long> ends = rig.offsets().ends(topic, IsolationLevel.READ_COMMITTED);
        long total = TopicOffsets.distance(Map.of(), ends);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        PhaseMeter.Running reading = meter.begin();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.copyOf(ends.keySet()));
            consumer.seekToBeginning(ends.keySet());
            while (read < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                read += records.count();
            }
        }
        return reading.end("ceiling: raw consumer", "records", read, System.nanoTime());
    }

    /**
     * A minimal exactly-once topology on the reviews: count per key in a persistent store, every
     * count to an output topic; timed from its reaching RUNNING until its committed offsets reach
     * the end of the topic. It commits every 100 ms (Streams' exactly-once default), so that on a
     * small input its figure is not its wait for the last commit.
     */
    PhaseResult minimalStreams(int threads, Path stateDir) throws InterruptedException {
        String topic = rig.topics().householdReviews().name();
        Map<TopicPartition, Long> ends = rig.offsets().ends(topic, IsolationLevel.READ_UNCOMMITTED);
        long total = TopicOffsets.distance(Map.of(), rig.offsets().ends(topic, IsolationLevel.READ_COMMITTED));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .groupByKey()
                .count(Materialized.as("ceiling-counts"))
                .toStream()
                .to(COUNT_OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.Long()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, COUNT_APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, rig.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            streams.setUncaughtExceptionHandler(e -> {
                failed.countDown();
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the minimal count topology did not start (state " + streams.state() + ")");
            }
            PhaseMeter.Running counting = meter.begin();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (TopicOffsets.distance(rig.offsets().committed(COUNT_APPLICATION_ID, topic), ends) > 0) {
                if (failed.await(100, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the minimal count topology did not catch up (state " + streams.state() + ")");
                }
            }
            PhaseResult result = counting.end("ceiling: minimal EOS count topology", "records", total, System.nanoTime());
            streams.close(Duration.ofSeconds(30));
            return result;
        }
    }

    /** COPY into a table like {@code unit_rollup} of {@code rows} rows taken from it (repeated if it holds fewer). */
    PhaseResult copy(long rows) {
        return rig.jdbi().withHandle(handle -> {
            String text = currentRows(handle);
            long available = text.isEmpty() ? 0 : text.chars().filter(c -> c == '\n').count();
            if (available == 0) {
                throw new IllegalStateException("unit_rollup is empty: nothing to copy");
            }
            handle.execute("DROP TABLE IF EXISTS ceiling_copy");
            // With its generated columns (the rates), which COPY out leaves out and the table computes, as unit_rollup does.
            handle.execute("CREATE TABLE ceiling_copy (LIKE unit_rollup INCLUDING GENERATED)");
            CopyManager copy = copyManager(handle);
            PhaseMeter.Running copying = meter.begin();
            long copied = 0;
            try {
                while (copied < rows) {
                    copied += copy.copyIn("COPY ceiling_copy FROM STDIN", new StringReader(text));
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
            PhaseResult result = copying.end("ceiling: PostgreSQL COPY of rollup rows", "rows", copied, System.nanoTime());
            handle.execute("DROP TABLE ceiling_copy");
            return result;
        });
    }

    private static String currentRows(Handle handle) {
        StringWriter out = new StringWriter();
        try {
            copyManager(handle).copyOut("COPY unit_rollup TO STDOUT", out);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY out of unit_rollup failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static CopyManager copyManager(Handle handle) {
        try {
            Connection connection = handle.getConnection();
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
