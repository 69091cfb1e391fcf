package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.schemas.AuditClient;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AuditUnit;
import vn.povertyreview.schemas.Topics;

/**
 * Every change made through a real ingest, against a real broker and without Streams, puts exactly
 * one event on the audit-events topic, committed with the change, saying who made it, about which
 * units and with what; a request that changes nothing puts none, and no event holds personal data.
 */
class AuditTrailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CLIENT_HEADER = "X-Poverty-Client";
    private static final String HEAD_NAME = "Nguyễn Văn A";

    private static String bootstrap;
    private static Topics topics;
    private static RunningIngest ingest;

    @BeforeAll
    static void startIngest() {
        bootstrap = SharedKafka.get().bootstrapServers();
        topics = TestTopics.create(bootstrap);
        ingest = RunningIngest.start(bootstrap, topics);
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void aSubmissionHasOneEventWithItsCountsPerRuleAndTheCommunesOfItsAcceptedReviewsAndNoPersonalData() {
        JsonNode token = createToken(ingest.admin(), "{\"communeCodes\": [\"15271\"], \"label\": \"UBND xã Hà Trung\"}");
        IngestClient reviewer = ingest.anonymous().as(token.get("token").asText());
        Review of2025 = aReview().household("HH-AUDIT-1").inVillage("15271-TK1").build();
        Review of2024 = aReview().household("HH-AUDIT-2").year(2024).reviewedAt("2024-11-12T01:30:00Z").inVillage("15271-TK2").build();
        Review misplaced = aReview().household("HH-AUDIT-3").inVillage("15271-TK1").statedAs("40", null).build();
        String csv = ReviewRows.csvHeader() + ",Họ tên chủ hộ\n"
                + ReviewRows.csvRow(of2025) + "," + HEAD_NAME + "\n"
                + ReviewRows.csvRow(of2024) + "," + HEAD_NAME + "\n"
                + ReviewRows.csvRow(misplaced) + "," + HEAD_NAME + "\n";
        int before = events().size();

        HttpResult answer = reviewer.post("/api/v1/reviews", "text/csv", csv);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        AuditEvent event = theOnlyNewEvent(before);
        assertThat(event.getAction()).isEqualTo(AuditAction.SUBMISSION);
        assertThat(event.getSubmissionId()).isEqualTo(answer.json().get("submissionId").asText());
        assertThat(event.getActorTokenId()).isEqualTo(token.get("tokenId").asText());
        assertThat(event.getActorRole()).isEqualTo(AccessRole.REVIEWER);
        assertThat(event.getActorLabel()).isEqualTo("UBND xã Hà Trung");
        assertThat(event.getClient()).isEqualTo(AuditClient.API);
        assertThat(event.getRequestId()).isEqualTo(answer.header("X-Request-Id"));
        assertThat(event.getAccepted()).isEqualTo(2);
        assertThat(event.getRejected()).isEqualTo(1);
        TreeSet<String> rules = new TreeSet<>();
        answer.json().get("rejected").get(0).get("errors").forEach(error -> rules.add(error.get("rule").asText()));
        assertThat(rules).isNotEmpty();
        assertThat(event.getRejectedByRule()).containsOnlyKeys(rules).allSatisfy((rule, count) -> assertThat(count).isOne());
        assertThat(units(event)).containsExactly("2024/15271", "2025/15271");
        assertThat(event.getDetail()).containsExactlyEntriesOf(Map.of("format", "CSV"));
        assertThat(CommittedRecords.raw(bootstrap, topics.auditEvents().name()))
                .as("audit records holding the household head's name")
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(HEAD_NAME));
    }

    @Test
    void aWithdrawalHasOneEventNamingTheHouseholdAndTheCommuneOfItsYear() {
        int before = events().size();

        HttpResult answer = ingest.admin().delete("/api/v1/reviews/2025/HH-AUDIT-9?communeCode=15271");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        AuditEvent event = theOnlyNewEvent(before);
        assertThat(event.getAction()).isEqualTo(AuditAction.WITHDRAWAL);
        assertThat(event.getActorTokenId()).isEqualTo("admin");
        assertThat(event.getActorRole()).isEqualTo(AccessRole.ADMIN);
        assertThat(event.getActorLabel()).isNull();
        assertThat(units(event)).containsExactly("2025/15271");
        assertThat(event.getDetail()).containsExactlyEntriesOf(Map.of("householdId", "HH-AUDIT-9"));
        assertThat(event.getSubmissionId()).isNull();
        assertThat(event.getAccepted()).isNull();
    }

    @Test
    void eachTargetSetHasAnEventAndSoHasADeletion() {
        int before = events().size();

        HttpResult set = ingest.admin().put("/api/v1/targets", """
                [{"unitCode": "38", "reviewYear": 2026, "kind": "RATE_POINTS", "value": "4.0",
                  "baselinePoorHouseholds": 52000, "baselineTotalHouseholds": 1100000},
                 {"unitCode": "15271-TK1", "reviewYear": 2026, "kind": "HOUSEHOLDS", "value": 13}]""");

        assertThat(set.status()).as(set.toString()).isEqualTo(202);
        List<AuditEvent> written = newEvents(before, 2);
        assertThat(written).extracting(AuditEvent::getAction).containsOnly(AuditAction.TARGET_SET);
        assertThat(written).extracting(AuditTrailTest::units).containsExactlyInAnyOrder(List.of("2026/38"), List.of("2026/15271-TK1"));
        assertThat(written).filteredOn(event -> units(event).equals(List.of("2026/38"))).singleElement()
                .satisfies(event -> assertThat(event.getDetail()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "measure", "POVERTY_RATE", "kind", "RATE_POINTS", "value", "4.0",
                        "baselinePoorHouseholds", "52000", "baselineTotalHouseholds", "1100000")));

        HttpResult deleted = ingest.admin().delete("/api/v1/targets/2026/38/POVERTY_RATE");

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
        AuditEvent deletion = theOnlyNewEvent(before + 2);
        assertThat(deletion.getAction()).isEqualTo(AuditAction.TARGET_DELETED);
        assertThat(units(deletion)).containsExactly("2026/38");
        assertThat(deletion.getDetail()).containsExactlyEntriesOf(Map.of("measure", "POVERTY_RATE"));
    }

    @Test
    void closingAndReopeningAYearHaveAnEventEachAndClosingAClosedYearHasNone() {
        int before = events().size();

        assertThat(ingest.admin().post("/api/v1/review-years/2026/closures", "application/json", "{\"unitCode\": \"40\"}").status())
                .isEqualTo(201);
        AuditEvent closed = theOnlyNewEvent(before);
        assertThat(ingest.admin().post("/api/v1/review-years/2026/closures", "application/json", "{\"unitCode\": \"40\"}").status())
                .as("closed already: nothing changes").isEqualTo(200);
        assertThat(ingest.admin().delete("/api/v1/review-years/2026/closures/40").status()).isEqualTo(202);
        AuditEvent reopened = theOnlyNewEvent(before + 1);

        assertThat(closed.getAction()).isEqualTo(AuditAction.YEAR_CLOSED);
        assertThat(units(closed)).containsExactly("2026/40");
        assertThat(reopened.getAction()).isEqualTo(AuditAction.YEAR_REOPENED);
        assertThat(units(reopened)).containsExactly("2026/40");
    }

    @Test
    void namingAVillageHasOneEventWithTheNameAndTheMap() {
        int before = events().size();

        HttpResult answer = ingest.admin().put("/api/v1/villages/15274/TK3", "{\"name\": \"Tiểu khu Bắc Sơn\", \"reviewYear\": 2024}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        AuditEvent event = theOnlyNewEvent(before);
        assertThat(event.getAction()).isEqualTo(AuditAction.VILLAGE_NAMED);
        assertThat(units(event)).containsExactly("2024/15274-TK3");
        assertThat(event.getDetail()).containsExactlyInAnyOrderEntriesOf(Map.of("name", "Tiểu khu Bắc Sơn", "mapId", "2025-03-01"));
    }

    @Test
    void creatingAndRevokingATokenFromTheCommandLineHaveAnEventEachWithoutTheSecretAndRevokingAgainHasNone() {
        IngestClient admin = ingest.admin();
        int before = events().size();

        JsonNode created = createToken(admin, "{\"communeCodes\": [\"15271\", \"15286\"], \"label\": \"Tổ rà soát\"}");
        String tokenId = created.get("tokenId").asText();
        AuditEvent creation = theOnlyNewEvent(before);
        HttpResult revoked = admin.send(admin.request("/api/v1/reviewers/" + tokenId).header(CLIENT_HEADER, "cli").DELETE());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        AuditEvent revocation = theOnlyNewEvent(before + 1);
        assertThat(admin.delete("/api/v1/reviewers/" + tokenId).status()).as("revoked already").isEqualTo(200);

        assertThat(creation.getAction()).isEqualTo(AuditAction.TOKEN_CREATED);
        assertThat(creation.getClient()).isEqualTo(AuditClient.API);
        assertThat(units(creation)).as("a token's communes, in whichever map has them").containsExactly("15271", "15286");
        assertThat(creation.getDetail()).containsExactlyInAnyOrderEntriesOf(Map.of("tokenId", tokenId, "role", "REVIEWER", "label", "Tổ rà soát"));
        assertThat(revocation.getAction()).isEqualTo(AuditAction.TOKEN_REVOKED);
        assertThat(revocation.getClient()).isEqualTo(AuditClient.CLI);
        assertThat(revocation.getActorTokenId()).isEqualTo("admin");
        assertThat(revocation.getDetail()).containsEntry("tokenId", tokenId);
        String secret = created.get("token").asText();
        assertThat(CommittedRecords.raw(bootstrap, topics.auditEvents().name()))
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(secret)
                        || new String(record.value(), StandardCharsets.UTF_8).contains(RunningIngest.sha256Hex(secret)));
        assertThat(events()).as("revoking a revoked token changes nothing").hasSize(before + 2);
    }

    @Test
    void rotatingTheAdminTokenHasOneEvent() {
        Topics ownTopics = TestTopics.create(bootstrap);
        try (RunningIngest own = RunningIngest.start(bootstrap, ownTopics)) {
            HttpResult rotated = own.admin().post("/api/v1/admin-token/rotate", null, new byte[0]);

            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
            await("the rotation's event").atMost(PATIENCE).until(() -> eventsOf(ownTopics).size() == 1);
            AuditEvent event = eventsOf(ownTopics).get(0);
            assertThat(event.getAction()).isEqualTo(AuditAction.ADMIN_TOKEN_ROTATED);
            assertThat(event.getActorTokenId()).isEqualTo("admin");
            assertThat(event.getUnits()).isEmpty();
            assertThat(event.getDetail()).containsExactlyEntriesOf(Map.of("retiredTokens", "1"));
            assertThat(new String(CommittedRecords.raw(bootstrap, ownTopics.auditEvents().name()).get(0).value(), StandardCharsets.UTF_8))
                    .doesNotContain(rotated.json().get("token").asText());
        }
    }

    @Test
    void aRequestRefusedOrInvalidChangesNothingAndHasNoEvent() {
        IngestClient reviewer = ingest.anonymous().as(ingest.newReviewerToken("15271"));
        int before = events().size();

        assertThat(reviewer.put("/api/v1/targets", "{\"unitCode\": \"15271\", \"reviewYear\": 2026, \"kind\": \"HOUSEHOLDS\", \"value\": 1}")
                .status()).isEqualTo(403);
        assertThat(reviewer.delete("/api/v1/reviews/2025/HH-AUDIT-9?communeCode=16681").status()).isEqualTo(403);
        assertThat(ingest.admin().post("/api/v1/reviews", "application/json", "[]").status()).isEqualTo(400);
        assertThat(ingest.admin().put("/api/v1/targets", "{\"unitCode\": \"99999\", \"reviewYear\": 2026, \"kind\": \"HOUSEHOLDS\", \"value\": 1}")
                .status()).isEqualTo(422);
        // A change after them: once its event is there, any event of the refused requests would be too.
        assertThat(ingest.admin().post("/api/v1/review-years/2027/closures", "application/json", "{\"unitCode\": \"01\"}").status())
                .isEqualTo(201);

        assertThat(theOnlyNewEvent(before).getAction()).as("the only event: the closure after them").isEqualTo(AuditAction.YEAR_CLOSED);
    }

    @Test
    void creatingAViewerTokenHasAnEventNamingItsProvincesAndCommunesAndItsRole() {
        IngestClient admin = ingest.admin();
        int before = events().size();

        HttpResult created = admin.post("/api/v1/viewers", "application/json",
                "{\"provinceCodes\": [\"38\"], \"communeCodes\": [\"15271\"], \"label\": \"Sở Lao động\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        AuditEvent creation = theOnlyNewEvent(before);

        assertThat(creation.getAction()).isEqualTo(AuditAction.TOKEN_CREATED);
        assertThat(units(creation)).containsExactly("38", "15271");
        assertThat(creation.getDetail()).containsExactlyInAnyOrderEntriesOf(Map.of("tokenId", created.json().get("tokenId").asText(),
                "role", "VIEWER", "label", "Sở Lao động"));
    }

    private static JsonNode createToken(IngestClient admin, String body) {
        HttpResult created = admin.post("/api/v1/reviewers", "application/json", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The one event after the first {@code before}, once it is committed; fails if there are more. */
    private static AuditEvent theOnlyNewEvent(int before) {
        return newEvents(before, 1).get(0);
    }

    private static List<AuditEvent> newEvents(int before, int expected) {
        await("the audit events").atMost(PATIENCE).until(() -> events().size() >= before + expected);
        List<AuditEvent> all = events();
        assertThat(all).as("events after the first %d", before).hasSize(before + expected);
        return all.subList(before, all.size());
    }

    private static List<AuditEvent> events() {
        return eventsOf(topics);
    }

    private static List<AuditEvent> eventsOf(Topics of) {
        return CommittedRecords.of(bootstrap, of.auditEvents()).stream().map(ConsumerRecord::value).toList();
    }

    /** {@code <reviewYear>/<unitCode>}, or the code alone for a unit of no year. */
    private static List<String> units(AuditEvent event) {
        return event.getUnits().stream()
                .map(AuditTrailTest::unit)
                .toList();
    }

    private static String unit(AuditUnit unit) {
        return unit.getReviewYear() == null ? unit.getUnitCode() : unit.getReviewYear() + "/" + unit.getUnitCode();
    }
}
