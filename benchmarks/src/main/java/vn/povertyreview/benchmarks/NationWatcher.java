package vn.povertyreview.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Follows the committed NATION rollup of one review year on the unit-rollups topic: the figure
 * that tells when Streams has counted every household. Reads only the one partition that holds the
 * key, so that watching costs the pipeline almost nothing.
 *
 * <p>Run on its own thread; {@link #latest()} and {@link #close()} may be called from any thread.
 */
final class NationWatcher implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NationWatcher.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Topic<String, UnitRollup> rollups;
    private final byte[] nationKey;
    private final AtomicReference<UnitRollup> latest = new AtomicReference<>();
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();

    NationWatcher(String bootstrapServers, Topic<String, UnitRollup> rollups, int partitions, int reviewYear) {
        this.rollups = rollups;
        this.nationKey = rollups.keySerde().serializer()
                .serialize(rollups.name(), new UnitKey(reviewYear, AdminUnit.NATION_CODE).toString());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-nation-watcher");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // Where the producer's default partitioner puts a keyed record, which Streams uses for its output.
        TopicPartition partition = new TopicPartition(rollups.name(), Utils.toPositive(Utils.murmur2(nationKey)) % partitions);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.thread = new Thread(this, "benchmark-nation-watcher");
        thread.setDaemon(true);
    }

    NationWatcher start() {
        if (started.compareAndSet(false, true)) {
            thread.start();
        }
        return this;
    }

    @Override
    public void run() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null && Arrays.equals(record.key(), nationKey)) {
                        UnitRollup rollup = rollups.valueSerde().deserializer().deserialize(rollups.name(), record.value());
                        latest.accumulateAndGet(rollup, (kept, seen) ->
                                kept == null || seen.getRevision() > kept.getRevision() ? seen : kept);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop.
        } catch (RuntimeException e) {
            LOG.error("The NATION watcher stopped", e);
        } finally {
            consumer.close();
        }
    }

    /** The committed NATION figures, or no households while none has been published. */
    NationFigures latest() {
        UnitRollup rollup = latest.get();
        return rollup == null ? NationFigures.NONE : NationFigures.of(rollup);
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        if (started.compareAndSet(false, true)) {
            consumer.close(); // never ran: nobody else will close it
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
