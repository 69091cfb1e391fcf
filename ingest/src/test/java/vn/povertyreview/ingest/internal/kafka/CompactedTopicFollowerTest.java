package vn.povertyreview.ingest.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.ReviewerToken;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.Topics;

class CompactedTopicFollowerTest {

    private static final Topic<String, ReviewerToken> TOKENS = Topics.withDefaultNames().reviewerTokens();

    /** A consumer that counts how often it was asked for the topic's partitions. */
    private static final class CountingConsumer extends MockConsumer<String, byte[]> {

        final AtomicInteger partitionQueries = new AtomicInteger();

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized List<PartitionInfo> partitionsFor(String topic) {
            partitionQueries.incrementAndGet();
            return super.partitionsFor(topic);
        }
    }

    @Test
    void aTopicCreatedJustBeforeTheStartIsWaitedForUntilTheBrokersMetadataHasIt() {
        CountingConsumer consumer = new CountingConsumer();
        Map<String, ReviewerToken> seen = new ConcurrentHashMap<>();
        try (CompactedTopicFollower<ReviewerToken> follower = new CompactedTopicFollower<>(consumer, TOKENS, "reviewer tokens",
                seen::put)) {
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> follower.start(Duration.ofMinutes(1)));
            // The metadata does not know the topic yet: the follower asks again rather than give up.
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.partitionQueries.get() >= 2);
            assertThat(started).isNotDone();

            TopicPartition partition = new TopicPartition(TOKENS.name(), 0);
            consumer.updatePartitions(TOKENS.name(), List.of(new PartitionInfo(TOKENS.name(), 0, Node.noNode(), new Node[0], new Node[0])));
            consumer.updateBeginningOffsets(Map.of(partition, 0L));
            consumer.updateEndOffsets(Map.of(partition, 0L));

            started.orTimeout(1, java.util.concurrent.TimeUnit.MINUTES).join();
            assertThat(consumer.assignment()).containsExactly(partition);
        }
    }

    @Test
    void aTopicThatNeverAppearsFailsTheStartWhenItsTimeIsUpNamingTheTopic() {
        CountingConsumer consumer = new CountingConsumer();
        try (CompactedTopicFollower<ReviewerToken> follower = new CompactedTopicFollower<>(consumer, TOKENS, "reviewer tokens",
                (key, value) -> { })) {
            assertThatThrownBy(() -> follower.start(Duration.ofMillis(500)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TOKENS.name())
                    .hasMessageContaining("does the topic exist?");
        }
    }
}
