package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.AdjustableClock;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.Topics;

/**
 * Listing, revoking, expiring and rotating tokens on real ingest instances sharing one real broker:
 * whatever one instance does to a token, every other one applies within seconds.
 */
class TokenLifecycleTest {

    private static final String REVIEWERS = "/api/v1/reviewers";
    private static final String REVIEWS = "/api/v1/reviews";
    private static final String ROTATE = "/api/v1/admin-token/rotate";
    private static final Duration SECONDS = Duration.ofSeconds(20);

    private static final AdjustableClock clock = new AdjustableClock();
    private static String bootstrap;
    private static Topics topics;
    private static RunningIngest instanceA;
    private static RunningIngest instanceB;

    @BeforeAll
    static void startTwoInstances() {
        bootstrap = SharedKafka.get().bootstrapServers();
        topics = TestTopics.create(bootstrap);
        instanceA = RunningIngest.start(RunningIngest.settings(bootstrap, topics), clock);
        // B publishes its tokens' uses often, so that A lists them soon.
        instanceB = RunningIngest.start(RunningIngest.settings(bootstrap, topics)
                .withTokenUsePublishInterval(Duration.ofMillis(200)), clock);
    }

    @AfterAll
    static void stopInstances() {
        instanceB.close();
        instanceA.close();
    }

    @Test
    void revokedThroughOneInstanceIsRefusedByTheOtherWithinSeconds() {
        JsonNode created = create(instanceA, "{\"communeCodes\": [\"15271\"], \"label\": \"UBND xã Hà Trung\"}");
        String tokenId = created.get("tokenId").asText();
        IngestClient onA = instanceA.anonymous().as(created.get("token").asText());
        IngestClient onB = instanceB.anonymous().as(created.get("token").asText());
        await("instance B knows the new token").atMost(SECONDS).until(() -> submit(onB, "HH-REVOKE-1").status() == 202);

        HttpResult revoked = instanceA.admin().delete(REVIEWERS + "/" + tokenId);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokedAt").asText()).isNotBlank();
        assertRefused(submit(onA, "HH-REVOKE-2"), "token.revoked");
        await("instance B refuses the revoked token").atMost(SECONDS)
                .untilAsserted(() -> assertRefused(submit(onB, "HH-REVOKE-3"), "token.revoked"));
        HttpResult again = instanceB.admin().delete(REVIEWERS + "/" + tokenId);
        assertThat(again.status()).as("revoking twice answers the same").isEqualTo(200);
        assertThat(again.json().get("revokedAt").asText()).isEqualTo(revoked.json().get("revokedAt").asText());
        assertThat(entry(instanceB, tokenId).get("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void answersAnUnknownTokenIdWith404AndTheAdminTokenWith409() {
        HttpResult unknown = instanceA.admin().inLanguage("en").delete(REVIEWERS + "/no-such-token");
        HttpResult admin = instanceA.admin().delete(REVIEWERS + "/admin");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("rule").asText()).isEqualTo("tokenId.unknown");
        assertThat(unknown.json().get("messageVi").asText()).isNotBlank();
        assertThat(unknown.json().get("message").asText()).isEqualTo(unknown.json().get("messageEn").asText());
        assertThat(admin.status()).isEqualTo(409);
        assertThat(admin.json().get("rule").asText()).isEqualTo("tokenId.admin");
    }

    @Test
    void answersAnyOddTokenIdWithANamed404() {
        for (String tokenId : List.of("%20", "..%2F..%2Fadmin", "x".repeat(5000), "%C3%A9", "admin%0A", "admin%20")) {
            HttpResult result = instanceA.admin().delete(REVIEWERS + "/" + tokenId);

            assertThat(result.status()).as("%s -> %s", tokenId, result).isEqualTo(404);
            assertThat(result.json().get("messageVi").asText()).isNotBlank();
            assertThat(result.json().get("rule").asText()).isEqualTo("tokenId.unknown");
        }
    }

    @Test
    void listsEveryTokenWithItsScopeAndTimesButNeverItsSecretOrHash() {
        Instant expiry = clock.instant().plus(Duration.ofDays(30));
        JsonNode created = create(instanceA, "{\"communeCodes\": [\"15286\", \"15271\"], \"label\": \"Phòng LĐTBXH\","
                + " \"expiresAt\": \"" + expiry + "\"}");
        String tokenId = created.get("tokenId").asText();
        String secret = created.get("token").asText();
        assertThat(submit(instanceA.anonymous().as(secret), "HH-LIST-1").status()).isEqualTo(202);

        HttpResult listing = instanceA.admin().get(REVIEWERS);

        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        assertThat(listing.body()).doesNotContain(secret, RunningIngest.sha256Hex(secret),
                RunningIngest.sha256Hex(RunningIngest.ADMIN_TOKEN));
        JsonNode first = listing.json().get("tokens").get(0);
        assertThat(first.get("tokenId").asText()).isEqualTo("admin");
        assertThat(first.get("scope").asText()).isEqualTo("admin");
        JsonNode token = entry(instanceA, tokenId);
        assertThat(token.get("label").asText()).isEqualTo("Phòng LĐTBXH");
        assertThat(token.get("role").asText()).isEqualTo("REVIEWER");
        assertThat(token.get("scope").asText()).isEqualTo("reviewer of communes 15271, 15286");
        assertThat(token.get("createdAt").asText()).isEqualTo(created.get("createdAt").asText());
        assertThat(Instant.parse(token.get("expiresAt").asText())).isEqualTo(expiry.truncatedTo(ChronoUnit.MILLIS));
        assertThat(token.get("lastUsedAt").isNull()).as("used on A: A knows at once").isFalse();
        assertThat(token.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void listsTheLastUseOfATokenOnAnotherInstanceOnceThatOnePublishedIt() {
        JsonNode created = create(instanceA, "{\"communeCodes\": [\"15271\"]}");
        String tokenId = created.get("tokenId").asText();
        IngestClient onB = instanceB.anonymous().as(created.get("token").asText());
        assertThat(entry(instanceA, tokenId).get("lastUsedAt").isNull()).isTrue();

        await("B knows the token").atMost(SECONDS).until(() -> submit(onB, "HH-USE-1").status() == 202);
        Instant used = clock.instant();

        await("A lists B's use").atMost(SECONDS).until(() -> !entry(instanceA, tokenId).get("lastUsedAt").isNull());
        assertThat(Instant.parse(entry(instanceA, tokenId).get("lastUsedAt").asText())).isBefore(used.plusMillis(1));
        await("the use is on the uses topic").atMost(SECONDS).until(() -> CommittedRecords.of(bootstrap, topics.reviewerTokenUses())
                .stream().anyMatch(r -> r.key().startsWith(tokenId + "/") && r.value().getTokenId().equals(tokenId)));
    }

    @Test
    void refusesATokenFromItsExpiryOn() {
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        JsonNode created = create(instanceA, "{\"communeCodes\": [\"15271\"], \"expiresAt\": \"" + expiry + "\"}");
        IngestClient reviewer = instanceA.anonymous().as(created.get("token").asText());
        assertThat(submit(reviewer, "HH-EXPIRY-1").status()).isEqualTo(202);

        clock.advance(Duration.ofHours(2));
        try {
            assertRefused(submit(reviewer, "HH-EXPIRY-2"), "token.expired");
            assertThat(entry(instanceA, created.get("tokenId").asText()).get("status").asText()).isEqualTo("EXPIRED");
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void answers400ForAnExpiryInThePastOrNotATime() {
        HttpResult past = instanceA.admin().post(REVIEWERS, "application/json",
                "{\"communeCodes\": [\"15271\"], \"expiresAt\": \"2020-01-01T00:00:00+07:00\"}");
        HttpResult notATime = instanceA.admin().post(REVIEWERS, "application/json",
                "{\"communeCodes\": [\"15271\"], \"expiresAt\": \"31/12/2026\"}");
        HttpResult number = instanceA.admin().post(REVIEWERS, "application/json",
                "{\"communeCodes\": [\"15271\"], \"expiresAt\": 1893456000000}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(rules(past)).containsExactly("expiresAt.past");
        assertThat(notATime.status()).isEqualTo(400);
        assertThat(rules(notATime)).containsExactly("expiresAt.format");
        assertThat(rules(number)).containsExactly("expiresAt.format");
    }

    @Test
    void namesWhyATokenIsRefused() {
        assertRefused(instanceA.anonymous().post(REVIEWS, "application/json", "{}"), "token.missing");
        assertRefused(instanceA.anonymous().as("not-a-real-token").post(REVIEWS, "application/json", "{}"), "token.unknown");
    }

    @Test
    void leavesTokenRoutesToTheAdmin() {
        IngestClient reviewer = instanceA.anonymous().as(create(instanceA, "{\"communeCodes\": [\"15271\"]}").get("token").asText());

        assertThat(reviewer.get(REVIEWERS).status()).isEqualTo(403);
        assertThat(reviewer.delete(REVIEWERS + "/admin").status()).isEqualTo(403);
        assertThat(reviewer.post(ROTATE, null, new byte[0]).status()).isEqualTo(403);
        assertThat(instanceA.anonymous().get(REVIEWERS).status()).isEqualTo(401);
    }

    @Test
    void rotatesTheAdminTokenOnEveryInstanceWithoutARestartAndRetiresTheConfiguredOne() {
        // Topics of its own: after the rotation, the configured admin token of the other tests no longer works.
        Topics own = TestTopics.create(bootstrap);
        try (RunningIngest first = RunningIngest.start(bootstrap, own); RunningIngest second = RunningIngest.start(bootstrap, own)) {
            HttpResult rotated = first.admin().post(ROTATE, null, new byte[0]);

            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
            assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
            String newToken = rotated.json().get("token").asText();
            assertThat(newToken).startsWith("adm_").isNotEqualTo(RunningIngest.ADMIN_TOKEN);
            assertThat(first.admin().as(newToken).get(REVIEWERS).status()).isEqualTo(200);
            assertRefused(first.admin().get(REVIEWERS), "token.rotated");
            await("the second instance takes the new admin token").atMost(SECONDS)
                    .until(() -> second.admin().as(newToken).get(REVIEWERS).status() == 200);
            assertRefused(second.admin().get(REVIEWERS), "token.rotated");
            assertThat(second.admin().as(newToken).get(REVIEWERS).json().get("tokens").get(0).get("source").asText())
                    .isEqualTo("rotated");

            HttpResult again = second.admin().as(newToken).post(ROTATE, null, new byte[0]);
            String newest = again.json().get("token").asText();
            assertRefused(second.admin().as(newToken).get(REVIEWERS), "token.rotated");
            await("the first instance retires the token it made").atMost(SECONDS)
                    .untilAsserted(() -> assertRefused(first.admin().as(newToken).get(REVIEWERS), "token.rotated"));
            try (RunningIngest later = RunningIngest.start(bootstrap, own)) {
                assertRefused(later.admin().get(REVIEWERS), "token.rotated");
                assertThat(later.admin().as(newest).get(REVIEWERS).status()).isEqualTo(200);
            }
        }
    }

    private static JsonNode create(RunningIngest instance, String body) {
        HttpResult created = instance.admin().post(REVIEWERS, "application/json", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode entry(RunningIngest instance, String tokenId) {
        HttpResult listing = instance.admin().get(REVIEWERS);
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return StreamSupport.stream(listing.json().get("tokens").spliterator(), false)
                .filter(token -> token.get("tokenId").asText().equals(tokenId))
                .findFirst().orElseThrow(() -> new AssertionError("token " + tokenId + " not listed: " + listing));
    }

    private static HttpResult submit(IngestClient client, String householdId) {
        return client.post(REVIEWS, "application/json",
                ReviewRows.json(aReview().household(householdId).year(2025).inVillage("15271-TK1").build()).toString());
    }

    private static void assertRefused(HttpResult result, String rule) {
        assertThat(result.status()).as(result.toString()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(result.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(result.json().get("rule").asText()).isEqualTo(rule);
        assertThat(result.json().get("messageVi").asText()).isNotBlank();
        assertThat(result.json().get("messageEn").asText()).isNotBlank();
    }

    private static List<String> rules(HttpResult result) {
        return StreamSupport.stream(result.json().get("errors").spliterator(), false).map(e -> e.get("rule").asText()).toList();
    }
}
