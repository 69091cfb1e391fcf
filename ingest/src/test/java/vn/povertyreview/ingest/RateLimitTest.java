package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.HouseholdReview;

/** Requests per minute per token: beyond the limit a request is answered 429 and does nothing. */
class RateLimitTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final int REVIEWER_LIMIT = 3;
    private static final int ADMIN_LIMIT = 5;

    private static RunningIngest ingest;

    @BeforeAll
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(RunningIngest.settings(bootstrap, TestTopics.create(bootstrap))
                .withReviewerRequestsPerMinute(REVIEWER_LIMIT), Clock.systemUTC());
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void answers429WithRetryAfterBeyondTheLimitAndProducesNothing() {
        IngestClient reviewer = ingest.anonymous().as(newReviewerToken());
        for (int i = 0; i < REVIEWER_LIMIT; i++) {
            assertThat(submit(reviewer, "HH-LIMIT-" + i).status()).isEqualTo(202);
        }

        HttpResult limited = submit(reviewer.inLanguage("en"), "HH-LIMIT-REFUSED");

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        // 3 a minute: one more in 20 s.
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(limited.json().get("error").asText()).isEqualTo("rate-limited");
        assertThat(limited.json().get("rule").asText()).isEqualTo("rate.limited");
        assertThat(limited.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(limited.json().get("messageVi").asText()).contains("quá nhiều yêu cầu");
        assertThat(limited.json().get("message").asText()).isEqualTo(limited.json().get("messageEn").asText());

        // A later record committed by another token: once it is readable, so would be anything the refused request wrote.
        assertThat(submit(ingest.admin(), "HH-LIMIT-MARKER").status()).isEqualTo(202);
        List<ConsumerRecord<String, HouseholdReview>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().householdReviews()),
                        all -> all.stream().anyMatch(r -> r.key().endsWith("/HH-LIMIT-MARKER")));
        assertThat(records).noneMatch(r -> r.key().endsWith("/HH-LIMIT-REFUSED"));
        assertThat(records).filteredOn(r -> r.key().contains("/HH-LIMIT-")).hasSize(REVIEWER_LIMIT + 1);
    }

    @Test
    void countsEachTokenApart() {
        IngestClient busy = ingest.anonymous().as(newReviewerToken());
        IngestClient other = ingest.anonymous().as(newReviewerToken());
        for (int i = 0; i < REVIEWER_LIMIT; i++) {
            submit(busy, "HH-BUSY-" + i);
        }

        assertThat(submit(busy, "HH-BUSY-MORE").status()).isEqualTo(429);
        assertThat(submit(other, "HH-OTHER-1").status()).isEqualTo(202);
    }

    @Test
    void limitsTheAdminTokenByItsOwnSettingWhichIsUnlimitedByDefault() {
        for (int i = 0; i < 2 * REVIEWER_LIMIT; i++) {
            assertThat(ingest.admin().get("/api/v1/targets").status()).isEqualTo(200);
        }
        // Another instance, whose counts are its own.
        try (RunningIngest limited = RunningIngest.start(RunningIngest.settings(ingest.bootstrapServers(), ingest.topics())
                .withAdminRequestsPerMinute(ADMIN_LIMIT), Clock.systemUTC())) {
            for (int i = 0; i < ADMIN_LIMIT; i++) {
                assertThat(limited.admin().get("/api/v1/targets").status()).isEqualTo(200);
            }

            HttpResult refused = limited.admin().get("/api/v1/targets");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.json().get("rule").asText()).isEqualTo("rate.limited");
        }
    }

    private static String newReviewerToken() {
        HttpResult created = ingest.admin().post("/api/v1/reviewers", "application/json", "{\"communeCodes\": [\"15271\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    private static HttpResult submit(IngestClient client, String householdId) {
        return client.post(REVIEWS, "application/json",
                ReviewRows.json(aReview().household(householdId).year(2025).inVillage("15271-TK1").build()).toString());
    }
}
