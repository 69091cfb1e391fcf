package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;

class ReviewerAccessTest {

    private static final String REVIEWERS = "/api/v1/reviewers";
    private static final String REVIEWS = "/api/v1/reviews";

    private static RunningIngest ingest;
    private static IngestClient admin;

    @BeforeAll
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
        admin = ingest.admin();
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void createsAReviewerTokenThatIsShownOnceAndStoredOnlyAsItsHash() {
        HttpResult created = admin.post(REVIEWERS, "application/json",
                "{\"communeCodes\": [\"15271\", \"15274\"], \"label\": \"UBND xã Hà Trung\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        String tokenId = created.json().get("tokenId").asText();
        String secret = created.json().get("token").asText();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("role").asText()).isEqualTo("REVIEWER");
        assertThat(created.json().get("communeCodes")).extracting(JsonNode::asText).containsExactly("15271", "15274");

        List<ConsumerRecord<String, ReviewerToken>> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().reviewerTokens()).stream()
                        .filter(r -> r.key().equals(tokenId)).toList(), records -> records.size() == 1);
        ReviewerToken token = stored.get(0).value();
        assertThat(token.getSha256()).isEqualTo(RunningIngest.sha256Hex(secret));
        assertThat(token.getRole()).isEqualTo(AccessRole.REVIEWER);
        assertThat(token.getLabel()).isEqualTo("UBND xã Hà Trung");
        assertThat(token.toString()).doesNotContain(secret);
    }

    @Test
    void letsAReviewerSubmitOnlyForItsOwnCommunes() {
        IngestClient reviewer = admin.as(newReviewerToken("15271"));
        Review own = aReview().household("HH-OWN").year(2025).inVillage("15271-TK1").build();
        Review other = aReview().household("HH-OTHER").year(2025).inVillage("15274-TK1").build();

        HttpResult result = reviewer.post(REVIEWS, "application/json", ReviewRows.jsonArray(List.of(own, other)));

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejection = result.json().get("rejected").get(0);
        assertThat(rejection.get("householdId").asText()).isEqualTo("HH-OTHER");
        assertThat(ReviewSubmissionTest.rules(rejection)).containsExactly("communeCode.notPermitted");
    }

    @Test
    void recordsTheTokenIdAsSubmitterNeverTheSecret() {
        HttpResult created = admin.post(REVIEWERS, "application/json", "{\"communeCodes\": [\"15271\"]}");
        String tokenId = created.json().get("tokenId").asText();
        IngestClient reviewer = admin.as(created.json().get("token").asText());

        HttpResult result = reviewer.post(REVIEWS, "application/json",
                ReviewRows.json(aReview().household("HH-BY").year(2025).inVillage("15271-TK1").build()).toString());

        String submissionId = result.json().get("submissionId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().householdReviews())
                .stream().anyMatch(r -> r.value() != null && submissionId.equals(r.value().getSubmissionId())
                        && tokenId.equals(r.value().getSubmittedBy())));
    }

    @Test
    void refusesAdminRoutesToReviewersWith403() {
        IngestClient reviewer = admin.as(newReviewerToken("15271"));

        HttpResult createToken = reviewer.post(REVIEWERS, "application/json", "{\"communeCodes\": [\"15271\"]}");
        HttpResult nameVillage = reviewer.put("/api/v1/villages/15271/TK1", "{\"name\": \"Thôn 1\"}");

        assertThat(createToken.status()).isEqualTo(403);
        assertThat(createToken.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(nameVillage.status()).isEqualTo(403);
    }

    @Test
    void answers400NamingTheUnknownCommunes() {
        HttpResult result = admin.post(REVIEWERS, "application/json", "{\"communeCodes\": [\"15271\", \"99999\", \"00000\"]}");

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().get("unknownCommuneCodes")).extracting(JsonNode::asText).containsExactly("99999", "00000");
    }

    @Test
    void answers400ForAMalformedTokenRequest() {
        assertThat(admin.post(REVIEWERS, "application/json", "{\"communeCodes\": []}").status()).isEqualTo(400);
        assertThat(admin.post(REVIEWERS, "application/json", "{\"communeCodes\": [15271]}").status()).isEqualTo(400);
        assertThat(admin.post(REVIEWERS, "application/json", "{\"communes\": [\"15271\"]}").status()).isEqualTo(400);
        assertThat(admin.post(REVIEWERS, "application/json", "{not json").status()).isEqualTo(400);
    }

    @Test
    void anotherInstanceStartedLaterKnowsTokensCreatedBefore() {
        String secret = newReviewerToken("15271");

        try (RunningIngest second = RunningIngest.start(ingest.bootstrapServers(), ingest.topics())) {
            HttpResult result = second.anonymous().as(secret).post(REVIEWS, "application/json",
                    ReviewRows.json(aReview().household("HH-SECOND").year(2025).inVillage("15271-TK1").build()).toString());

            assertThat(result.status()).as(result.toString()).isEqualTo(202);
        }
    }

    @Test
    void aRunningInstanceLearnsTokensCreatedOnAnotherOne() {
        try (RunningIngest second = RunningIngest.start(ingest.bootstrapServers(), ingest.topics())) {
            String secret = newReviewerToken("15271");
            IngestClient reviewerOnSecond = second.anonymous().as(secret);
            String body = ReviewRows.json(aReview().household("HH-FOLLOW").year(2025).inVillage("15271-TK1").build()).toString();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reviewerOnSecond.post(REVIEWS, "application/json", body).status() == 202);
        }
    }

    private static String newReviewerToken(String... communes) {
        String list = String.join("\", \"", communes);
        HttpResult created = admin.post(REVIEWERS, "application/json", "{\"communeCodes\": [\"" + list + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asText();
    }
}
