package vn.povertyreview.ingest.internal.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.ingest.internal.auth.TokenUses;
import vn.povertyreview.schemas.ReviewerTokenUse;
import vn.povertyreview.schemas.Topic;

/**
 * Publishes when this instance last accepted each token to the reviewer-token-uses topic, once per
 * interval and only for tokens used since the last time: a transaction a minute at most, however
 * many requests were served, so that the last use of a token can be listed on every instance
 * without a write per request. Keys are {@code <tokenId>/<instanceId>}, so that instances never
 * overwrite each other's uses. A failed publication is retried at the next interval. Thread-safe.
 */
public final class TokenUsePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenUsePublisher.class);

    private final TokenUses uses;
    private final Topic<String, ReviewerTokenUse> topic;
    private final ProducerPool producers;
    private final String instanceId;
    private final ScheduledExecutorService timer;

    public TokenUsePublisher(TokenUses uses, Topic<String, ReviewerTokenUse> topic, ProducerPool producers, String instanceId,
            Duration interval) {
        this.uses = uses;
        this.topic = topic;
        this.producers = producers;
        this.instanceId = instanceId;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, topic.name() + "-publisher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::publishQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes the uses not yet published; throws {@link KafkaUnavailableException} when Kafka cannot take them. */
    void publish() {
        Map<String, Instant> due = uses.unpublished();
        if (due.isEmpty()) {
            return;
        }
        List<OutgoingRecord> records = new ArrayList<>(due.size());
        due.forEach((tokenId, at) -> records.add(OutgoingRecord.of(topic, tokenId + "/" + instanceId,
                new ReviewerTokenUse(tokenId, instanceId, at))));
        producers.commit(records);
        uses.published(due);
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (RuntimeException e) {
            // Only the listing's "last used" is late meanwhile; the next interval tries again.
            LOG.warn("Could not publish the last uses of tokens to {}, retrying later: {}", topic.name(), e.toString());
        }
    }

    /** Stops the timer, then publishes what is left, so that a stopped instance's last uses are not lost. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publishQuietly();
    }
}
