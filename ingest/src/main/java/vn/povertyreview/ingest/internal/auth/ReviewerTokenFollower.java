package vn.povertyreview.ingest.internal.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * Keeps {@link ReviewerTokens} equal to the compacted reviewer-tokens topic: reads it from the
 * beginning when the instance starts, then follows it on a thread of its own, so that a token
 * created on any instance works on every instance. Reads committed records only, since tokens are
 * written in transactions. It assigns itself every partition and commits no offsets: each
 * instance needs the whole topic, every time.
 *
 * <p>Thread-safe: {@link #start} and {@link #close} may be called from any thread.
 */
public final class ReviewerTokenFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewerTokenFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final AvroSerde<ReviewerToken> serde;
    private final ReviewerTokens tokens;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile RuntimeException startFailure;

    public ReviewerTokenFollower(Consumer<String, byte[]> consumer, String topic, AvroSerde<ReviewerToken> serde,
            ReviewerTokens tokens) {
        this.consumer = consumer;
        this.topic = topic;
        this.serde = serde;
        this.tokens = tokens;
        this.thread = new Thread(this::run, "reviewer-token-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Starts following and waits until every token that was on the topic at start-up is known, so
     * that no reviewer is refused just because this instance started a moment ago.
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
                throw new IllegalStateException("could not read topic " + topic + " within " + timeout
                        + ": is Kafka reachable and does the topic exist?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading topic " + topic, e);
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
                    LOG.info("Read {} reviewer tokens from {}", tokens.size(), topic);
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
                    // Once running, a failed poll is retried: giving up would leave new tokens unknown for good.
                    LOG.warn("Reading reviewer tokens failed, retrying: {}", e.toString());
                    pauseBeforeRetry();
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                LOG.error("Reviewer token follower woken up unexpectedly; tokens created from now on are not seen", e);
            }
        } catch (RuntimeException e) {
            if (caughtUp.getCount() > 0) {
                startFailure = new IllegalStateException("cannot read topic " + topic + ": " + e.getMessage(), e);
                caughtUp.countDown();
            } else {
                LOG.error("Reviewer token follower stopped; tokens created from now on are not seen", e);
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private void pauseBeforeRetry() {
        try {
            // Returns at once when the follower is closed.
            closing.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<TopicPartition, Long> assignAll() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
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
            LOG.warn("Ignoring reviewer token record without a key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        try {
            tokens.apply(record.key(), serde.decode(record.value()));
        } catch (SerializationException e) {
            // One unreadable record must not lock every reviewer out; it is reported and skipped.
            LOG.error("Ignoring unreadable reviewer token record {} at {}-{}@{}: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
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
