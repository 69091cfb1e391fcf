package vn.povertyreview.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.sink.targets.TargetJson;

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
 * may be called from any thread and waits for the loop to finish.
 */
public final class AlertWebhook implements Runnable, AutoCloseable {

    public static final String DEFAULT_GROUP_ID = "poverty-alert-webhook";
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_LAST_RETRY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final String groupId;
    private final String topic;
    private final URI url;
    private final Duration firstRetry;
    private final Duration lastRetry;
    private final Consumer<String, TargetGapAlert> consumer;
    private final HttpClient http;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /** A webhook of group {@value #DEFAULT_GROUP_ID} retrying after 1 s, doubling up to 60 s. */
    public AlertWebhook(String bootstrapServers, String topic, URI url) {
        this(bootstrapServers, DEFAULT_GROUP_ID, topic, url, DEFAULT_FIRST_RETRY, DEFAULT_LAST_RETRY);
    }

    /**
     * @param firstRetry the wait after the first failed attempt; each further wait doubles, up to {@code lastRetry}
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL
     */
    public AlertWebhook(String bootstrapServers, String groupId, String topic, URI url, Duration firstRetry, Duration lastRetry) {
        this.groupId = requireText(groupId, "groupId");
        this.topic = requireText(topic, "topic");
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("the alert webhook URL must be an absolute http or https URL, not " + redacted(url));
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || lastRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retries must wait a positive time, the last no less than the first: "
                    + firstRetry + ", " + lastRetry);
        }
        this.firstRetry = firstRetry;
        this.lastRetry = lastRetry;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        this.consumer = new KafkaConsumer<>(consumerProperties(requireText(bootstrapServers, "bootstrapServers"), groupId),
                new StringDeserializer(), AvroSerde.of(TargetGapAlert.class).deserializer());
    }

    private static Properties consumerProperties(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Committed only after the receiver confirmed the alert.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Alerts are few; a small batch is abandoned cheaply when a rebalance takes its partitions.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        return props;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            if (closing()) {
                return;
            }
            throw new IllegalStateException("an AlertWebhook runs only once");
        }
        LOG.info("Alert webhook {} posting {} to {}", groupId, topic, redacted(url));
        try {
            consumer.subscribe(List.of(topic));
            while (!closing()) {
                pollAndDeliver();
            }
        } catch (WakeupException | WebhookClosing e) {
            // close() interrupts a poll or a retry: the normal way out.
        } catch (RuntimeException e) {
            if (!closing()) {
                LOG.error("Alert webhook {} stopped on an unexpected error", groupId, e);
                throw e;
            }
        } finally {
            consumer.close();
            finished.countDown();
            LOG.info("Alert webhook {} stopped: {} alerts delivered, {} failed attempts, {} unreadable records skipped",
                    groupId, delivered.get(), failedAttempts.get(), skipped.get());
        }
    }

    private void pollAndDeliver() {
        ConsumerRecords<String, TargetGapAlert> records;
        try {
            records = consumer.poll(POLL_TIMEOUT);
        } catch (RecordDeserializationException e) {
            Throwable reason = e.getCause() == null ? e : e.getCause();
            LOG.error("Skipping the unreadable alert at {} offset {}: {}", e.topicPartition(), e.offset(), reason.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            commit(e.topicPartition(), e.offset() + 1);
            skipped.incrementAndGet();
            return;
        }
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
                        if (consumer.assignment().contains(moved)) {
                            consumer.seek(moved, next);
                        }
                    });
                    return;
                }
            }
        }
    }

    /** @return whether the offset was committed; a failure is logged, the alert already delivered is sent again later */
    private boolean commit(TopicPartition partition, long next) {
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Could not commit offset {} of {} (the alert before it may be delivered again): {}", next, partition, e.toString());
            return false;
        }
    }

    /** Sends the alert until the receiver answers 2xx; throws WebhookClosing if closed first. */
    private void deliver(ConsumerRecord<String, TargetGapAlert> record) {
        TargetGapAlert alert = record.value();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.getAlertId())
                .POST(HttpRequest.BodyPublishers.ofString(json(alert), StandardCharsets.UTF_8))
                .build();
        Backoff backoff = new Backoff(firstRetry, lastRetry);
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    delivered.incrementAndGet();
                    LOG.debug("Delivered alert {} (attempt {}, HTTP {})", alert.getAlertId(), attempt, response.statusCode());
                    return;
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookClosing();
            }
            failedAttempts.incrementAndGet();
            if (closing()) {
                throw new WebhookClosing();
            }
            Duration delay = backoff.next();
            LOG.warn("Could not deliver alert {} from {}-{} offset {} to {} (attempt {}): {}; retrying in {} ms", alert.getAlertId(),
                    record.topic(), record.partition(), record.offset(), redacted(url), attempt, failure, delay.toMillis());
            awaitCloseFor(delay);
        }
    }

    /** The alert as the JSON body of the POST. */
    static String json(TargetGapAlert alert) {
        return TargetJson.alert(alert);
    }

    private void awaitCloseFor(Duration delay) {
        try {
            if (closeRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new WebhookClosing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookClosing();
        }
    }

    /** The URL without user info, query or fragment, which may hold secrets, for logs. */
    private static String redacted(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private boolean closing() {
        return closeRequested.getCount() == 0;
    }

    /** Whether the loop has started and not yet ended. */
    public boolean isRunning() {
        return started.get() && finished.getCount() > 0 && !closing();
    }

    /** Alerts the receiver confirmed with a 2xx so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Attempts that failed so far (an answer other than 2xx or no answer). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Stops the loop (an unconfirmed alert is abandoned, not skipped: it is sent again next time) and waits for it. */
    @Override
    public void close() {
        closeRequested.countDown();
        if (started.compareAndSet(false, true)) {
            consumer.close();
            finished.countDown();
            return;
        }
        if (finished.getCount() > 0) {
            consumer.wakeup();
        }
        try {
            if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Alert webhook {} did not stop within {} s", groupId, CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unwinds the loop when close() interrupts a retry. */
    private static final class WebhookClosing extends RuntimeException {
        WebhookClosing() {
            super("the alert webhook is closing", null, false, false);
        }
    }
}
