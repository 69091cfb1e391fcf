package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.Topics;

/** Stops and restarts its own broker, so it does not share one with the other tests. */
class KafkaOutageTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path kafkaData;

    private EmbeddedKafka kafka;
    private RunningIngest ingest;
    private IngestClient admin;

    @BeforeEach
    void startKafkaAndIngest() {
        kafka = EmbeddedKafka.start(kafkaData);
        // One partition per topic: a record committed later then proves every earlier transaction settled.
        Topics topics = TestTopics.create(kafka.bootstrapServers(), 1);
        // One producer: the one that met Kafka before the outage must be the one that meets the outage.
        ingest = RunningIngest.start(RunningIngest.settings(kafka.bootstrapServers(), topics).withProducerPoolSize(1),
                Clock.systemUTC());
        admin = ingest.admin();
    }

    @AfterEach
    void stopIngestAndKafka() {
        ingest.close();
        kafka.close();
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsDownAndCountsNothingOfThatRequest() {
        HttpResult before = admin.post(REVIEWS, "application/json", ReviewRows.json(
                aReview().household("HH-BEFORE").year(2025).inVillage("15271-TK1").build()).toString());
        assertThat(before.status()).as(before.toString()).isEqualTo(202);

        kafka.stop();
        // Two valid records and an invalid one: none of them, nor the rejection, may be stored.
        ArrayNode lost = JSON.createArrayNode()
                .add(ReviewRows.json(aReview().household("HH-LOST-1").year(2025).inVillage("15271-TK1").build()))
                .add(ReviewRows.json(aReview().household("HH-LOST-2").year(2025).inVillage("15271-TK2").build()))
                .add(ReviewRows.json(aReview().household("HH-LOST-3").year(2025).inVillage("15271-TK2").build()).put("reviewYear", "bad"));
        long started = System.nanoTime();
        HttpResult during = admin.post(REVIEWS, "application/json", lost.toString());
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertThat(during.status()).as(during.toString()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isEqualTo("10");
        assertThat(during.json().get("error").asText()).isEqualTo("kafka-unavailable");
        // Bounded by the 3-second request timeout (send, then abort), with room for a loaded machine.
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/health").status() == 503);

        kafka.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/health").status() == 200);
        ArrayNode after = JSON.createArrayNode()
                .add(ReviewRows.json(aReview().household("HH-AFTER").year(2025).inVillage("15271-TK1").build()))
                .add(ReviewRows.json(aReview().household("HH-AFTER-BAD").year(2025).inVillage("15271-TK1").build()).put("members", 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.post(REVIEWS, "application/json", after.toString()).status() == 202);

        await().atMost(Duration.ofSeconds(30)).until(() -> keysOf(ingest.topics().householdReviews().name()).contains("2025/HH-AFTER")
                && keysOf(ingest.topics().rejectedReviews().name()).contains("2025/HH-AFTER-BAD"));
        assertThat(keysOf(ingest.topics().householdReviews().name()))
                .contains("2025/HH-BEFORE")
                .noneMatch(key -> key.contains("HH-LOST"));
        assertThat(CommittedRecords.of(kafka.bootstrapServers(), ingest.topics().rejectedReviews()))
                .noneMatch(r -> String.valueOf(r.value().getHouseholdId()).contains("HH-LOST"));
        // The audit trail tells the same: an event for each upload stored, none for the one that was not.
        Set<String> stored = new TreeSet<>();
        CommittedRecords.of(kafka.bootstrapServers(), ingest.topics().householdReviews())
                .forEach(review -> stored.add(review.value().getSubmissionId()));
        List<String> audited = CommittedRecords.of(kafka.bootstrapServers(), ingest.topics().auditEvents()).stream()
                .map(event -> event.value().getSubmissionId()).toList();
        assertThat(stored).contains(before.json().get("submissionId").asText());
        assertThat(audited).as("the submissions of the audit events").containsExactlyInAnyOrderElementsOf(stored);
    }

    private List<String> keysOf(String topic) {
        return CommittedRecords.raw(kafka.bootstrapServers(), topic).stream().map(r -> r.key()).toList();
    }
}
