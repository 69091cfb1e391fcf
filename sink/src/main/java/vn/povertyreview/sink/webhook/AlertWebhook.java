package vn.povertyreview.sink.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.ConsumerLoop;

/**
 * POSTs every target gap alert to a webhook, at least once: a consumer of its own group reads the
 * target-gap-alerts topic (committed records only) and sends each alert as JSON with the header
 * {@code Idempotency-Key: <alertId>}, in offset order per partition. An answer other than 2xx or a
 * failed connection is logged and the same alert sent again after an exponential backoff (by default
 * 1 s doubling to 60 s), forever, until it succeeds or the webhook is closed; nothing is skipped. The
 * consumer's offset is committed to Kafka after each 2xx only, so an alert whose delivery was not
 * confirmed (a crash, a close during a retry, a rebalance) is sent again: the receiver deduplicates
 * by the key.
 *
 * <p>The body: {@code alertId, unitCode, unitName, parents} (array of {@code {code, name}}, nearest
 * first), {@code reviewYear, measure, kind, value, status, previousStatus} (null when there was
 * none), {@code yearClosed, gapHouseholds, gapPoints, completionPercent, messageVi, messageEn,
 * raisedAt} (ISO-8601, UTC). Decimals ({@code value, gapPoints, completionPercent}) are strings, as
 * on the topic, so that no receiver rounds them.
 *
 * <p>A new group starts at the beginning of the topic. A record that cannot be deserialized is
 * logged and skipped. Run it on one thread ({@link #run()} returns when closed); {@link #close()}
 * may be called from any thread and waits for the loop to finish ({@link ConsumerLoop}).
 */
public final class AlertWebhook extends ConsumerLoop<String, TargetGapAlert> {

    public static final String DEFAULT_GROUP_ID = "poverty-alert-webhook";
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_LAST_RETRY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** Alerts are few; a small batch is abandoned cheaply when a rebalance takes its partitions. */
    private static final int MAX_POLL_RECORDS = 100;

    private final WebhookClient receiver;
    private final Waits waits;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    /** A webhook of group {@value #DEFAULT_GROUP_ID} retrying after 1 s, doubling up to 60 s. */
    public AlertWebhook(String bootstrapServers, Topic<String, TargetGapAlert> topic, URI url) {
        this(bootstrapServers, DEFAULT_GROUP_ID, topic, url, DEFAULT_FIRST_RETRY, DEFAULT_LAST_RETRY);
    }

    /**
     * @param firstRetry the wait after the first failed attempt; each further wait doubles, up to {@code lastRetry}
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL
     */
    public AlertWebhook(String bootstrapServers, String groupId, Topic<String, TargetGapAlert> topic, URI url, Duration firstRetry,
            Duration lastRetry) {
        // Everything is checked before the consumer is created, so that a refused webhook leaves nothing open.
        this(bootstrapServers, requireText(groupId, "groupId"), requireNamed(topic), new WebhookClient(url),
                new Waits(firstRetry, lastRetry));
    }

    private AlertWebhook(String bootstrapServers, String groupId, Topic<String, TargetGapAlert> topic, WebhookClient receiver,
            Waits waits) {
        super("Alert webhook " + groupId, "posting " + topic.name() + " to " + receiver.redactedUrl(),
                new KafkaConsumer<>(consumerProperties(requireText(bootstrapServers, "bootstrapServers"), groupId, MAX_POLL_RECORDS),
                        topic.keySerde().deserializer(), topic.valueSerde().deserializer()),
                List.of(topic.name()), POLL_TIMEOUT);
        this.receiver = receiver;
        this.waits = waits;
    }

    @Override
    protected void handle(ConsumerRecords<String, TargetGapAlert> records) {
        // The next offset not yet delivered, per partition of the batch.
        Map<TopicPartition, Long> pending = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            pending.put(partition, records.records(partition).get(0).offset());
        }
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, TargetGapAlert> record : records.records(partition)) {
                if (record.value() == null) {
                    LOG.debug("Ignoring the tombstone for {} at {} offset {}", record.key(), partition, record.offset());
                } else {
                    deliver(record);
                }
                pending.put(partition, record.offset() + 1);
                if (!commit(partition, record.offset() + 1)) {
                    // The partitions may have moved: go back to the first undelivered record of those still
                    // assigned; the others are sent again by their new owner, from the committed offset.
                    pending.forEach((moved, next) -> {
                        if (consumer().assignment().contains(moved)) {
                            consumer().seek(moved, next);
                        }
                    });
                    return;
                }
            }
        }
    }

    @Override
    protected void skip(TopicPartition partition, long nextOffset) {
        commit(partition, nextOffset);
    }

    @Override
    protected String summary() {
        return delivered.get() + " alerts delivered, " + failedAttempts.get() + " failed attempts, " + skipped()
                + " unreadable records skipped";
    }

    /** @return whether the offset was committed; a failure is logged, the alert already delivered is sent again later */
    private boolean commit(TopicPartition partition, long next) {
        try {
            consumer().commitSync(Map.of(partition, new OffsetAndMetadata(next)));
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Could not commit offset {} of {} (the alert before it may be delivered again): {}", next, partition, e.toString());
            return false;
        }
    }

    /** Sends the alert until the receiver answers 2xx, or the webhook is closed. */
    private void deliver(ConsumerRecord<String, TargetGapAlert> record) {
        TargetGapAlert alert = record.value();
        HttpRequest request = receiver.request(alert);
        int status = retry(waits.first(), waits.last(), () -> attempt(request), (attempt, wait, failure) ->
                LOG.warn("Could not deliver alert {} from {}-{} offset {} to {} (attempt {}): {}; retrying in {} ms", alert.getAlertId(),
                        record.topic(), record.partition(), record.offset(), receiver.redactedUrl(), attempt, failure, wait.toMillis()));
        delivered.incrementAndGet();
        LOG.debug("Delivered alert {} (HTTP {})", alert.getAlertId(), status);
    }

    /** One attempt to deliver; a failed one counts even if the webhook closes instead of trying again. */
    private int attempt(HttpRequest request) throws IOException, InterruptedException {
        try {
            return receiver.send(request);
        } catch (IOException e) {
            failedAttempts.incrementAndGet();
            throw e;
        }
    }

    private static Topic<String, TargetGapAlert> requireNamed(Topic<String, TargetGapAlert> topic) {
        requireText(topic.name(), "topic");
        return topic;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Alerts the receiver confirmed with a 2xx so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Attempts that failed so far (an answer other than 2xx or no answer). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** The waits between attempts to deliver an alert: the first, doubling up to the last. */
    private record Waits(Duration first, Duration last) {

        Waits {
            if (first.isNegative() || first.isZero() || last.compareTo(first) < 0) {
                throw new IllegalArgumentException("retries must wait a positive time, the last no less than the first: "
                        + first + ", " + last);
            }
        }
    }
}
