package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;

class ReviewWithdrawalTest {

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
    void writesATombstoneUnderTheHouseholdKeyWithTheStatedCommuneAndTheSubmitter() {
        HttpResult created = admin.post("/api/v1/reviewers", "application/json", "{\"communeCodes\": [\"15271\"]}");
        String tokenId = created.json().get("tokenId").asText();
        IngestClient reviewer = admin.as(created.json().get("token").asText());

        HttpResult result = reviewer.delete("/api/v1/reviews/2025/HH-GONE?communeCode=15271");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("withdrawn").asBoolean()).isTrue();
        List<ConsumerRecord<String, byte[]>> tombstones = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.raw(ingest.bootstrapServers(), ingest.topics().householdReviews().name()).stream()
                        .filter(r -> r.key().equals("2025/HH-GONE")).toList(), records -> records.size() == 1);
        ConsumerRecord<String, byte[]> tombstone = tombstones.get(0);
        assertThat(tombstone.value()).isNull();
        assertThat(header(tombstone, "communeCode")).isEqualTo("15271");
        assertThat(header(tombstone, "submittedBy")).isEqualTo(tokenId);
    }

    @Test
    void refusesToWithdrawForACommuneOutsideTheTokensScope() {
        HttpResult created = admin.post("/api/v1/reviewers", "application/json", "{\"communeCodes\": [\"15271\"]}");
        IngestClient reviewer = admin.as(created.json().get("token").asText());

        HttpResult result = reviewer.delete("/api/v1/reviews/2025/HH-NOT-MINE?communeCode=15274");

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.json().get("rule").asText()).isEqualTo("communeCode.notPermitted");
    }

    @Test
    void answers400ForAWithdrawalThatNamesNoValidHouseholdOrCommune() {
        assertThat(admin.delete("/api/v1/reviews/2025/HH-1").status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/reviews/2025/HH-1?communeCode=99999").status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/reviews/1999/HH-1?communeCode=15271").status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/reviews/abc/HH-1?communeCode=15271").status()).isEqualTo(400);
        HttpResult badHousehold = admin.delete("/api/v1/reviews/2025/Nguy%E1%BB%85n?communeCode=15271");
        assertThat(badHousehold.status()).isEqualTo(400);
        assertThat(badHousehold.json().get("errors").get(0).get("rule").asText()).isEqualTo("householdId.format");
    }

    @Test
    void answers400NamingAQueryParameterGivenTwice() {
        HttpResult result = admin.delete("/api/v1/reviews/2025/HH-1?communeCode=15271&communeCode=15274");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("rule").asText()).isEqualTo("communeCode.repeated");
        assertThat(result.json().get("errors").get(0).get("field").asText()).isEqualTo("communeCode");
    }

    @Test
    void answers401ToAWithdrawalWithoutAToken() {
        assertThat(ingest.anonymous().delete("/api/v1/reviews/2025/HH-1?communeCode=15271").status()).isEqualTo(401);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
