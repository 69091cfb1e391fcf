package vn.povertyreview.ingest.internal.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.Topic;

/**
 * Keeps an in-memory view equal to a compacted topic: reads the topic from the beginning when the
 * instance starts, then follows it on a thread of its own, handing every record to {@code apply}
 * (a null value is a tombstone), so that what any instance writes is known on every instance.
 * Used for the reviewer tokens, the reduction targets and the review-year closures. Reads committed
 * records only, since the ingest service writes in transactions. It assigns itself every partition
 * and commits no offsets: each instance needs the whole topic, every time.
 *
 * <p>Thread-safe: {@link #start} and {@link #close} may be called from any thread; {@code apply}
 * is called on the follower's thread only.
 */
public final class CompactedTopicFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration METADATA_PAUSE = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final Topic<String, V> topic;
    private final String what;
    private final BiConsumer<String, V> apply;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile RuntimeException startFailure;
    private long applied;

    /**
     * @param what  what the records are, in the plural, for the logs ("reviewer tokens")
     * @param apply takes one record: its key and its value, null for a tombstone
     */
    public CompactedTopicFollower(Consumer<String, byte[]> consumer, Topic<String, V> topic, String what,
            BiConsumer<String, V> apply) {
        this.consumer = consumer;
        this.topic = topic;
        this.what = what;
        this.apply = apply;
        this.thread = new Thread(this::run, topic.name() + "-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Starts following and waits until every record that was on the topic at start-up is known, so
     * that no reviewer is refused, and no target missed, just because this instance started a moment ago.
     *
     * @throws IllegalStateException when the topic cannot be read within {@code timeout}
     */
    public void start(Duration timeout) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        thread.start();
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("could not read topic " + topic.name() + " within " + timeout
                        + ": is Kafka reachable and does the topic exist?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading topic " + topic.name(), e);
        }
        if (startFailure != null) {
            throw startFailure;
        }
    }

    private void run() {
        try {
            Map<TopicPartition, Long> startupEnd = assignAll();
            while (!closed.get()) {
                if (caughtUp.getCount() > 0 && reached(startupEnd)) {
                    LOG.info("Read {} records of {} from {}", applied, what, topic.name());
                    caughtUp.countDown();
                }
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record);
                    }
                } catch (KafkaException e) {
                    if (caughtUp.getCount() > 0 || e instanceof WakeupException) {
                        throw e;
                    }
                    // Once running, a failed poll is retried: giving up would leave new records unknown for good.
                    LOG.warn("Reading {} failed, retrying: {}", what, e.toString());
                    pauseBeforeRetry();
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                LOG.error("Follower of {} woken up unexpectedly; {} written from now on are not seen", topic.name(), what, e);
            }
        } catch (RuntimeException e) {
            if (caughtUp.getCount() > 0) {
                startFailure = new IllegalStateException("cannot read topic " + topic.name() + ": " + e.getMessage(), e);
                caughtUp.countDown();
            } else {
                LOG.error("Follower of {} stopped; {} written from now on are not seen", topic.name(), what, e);
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private void pauseBeforeRetry() {
        pause(RETRY_PAUSE);
    }

    private void pause(Duration pause) {
        try {
            // Returns at once when the follower is closed.
            closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Assigns every partition of the topic, waiting while the topic is not known yet: a topic the
     * launcher has just created reaches the broker's metadata a moment later, and {@link #start}'s
     * timeout bounds the wait for one that does not exist at all.
     */
    private Map<TopicPartition, Long> assignAll() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic.name());
        while (partitions == null || partitions.isEmpty()) {
            if (closed.get()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist");
            }
            pause(METADATA_PAUSE);
            partitions = consumer.partitionsFor(topic.name());
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        // With read_committed these are the last stable offsets: what a complete read must reach.
        return new HashMap<>(consumer.endOffsets(assigned));
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("Ignoring record without a key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        V value;
        try {
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            // One unreadable record must not lock every reviewer out or hide every target; it is reported and skipped.
            LOG.error("Ignoring unreadable record {} at {}-{}@{}: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        apply.accept(record.key(), value);
        applied++;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closing.countDown();
            if (!started.get()) {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
                return;
            }
            consumer.wakeup();
            if (thread.isAlive() && Thread.currentThread() != thread) {
                try {
                    thread.join(Duration.ofSeconds(5).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
