package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;

/**
 * The admin API of reduction targets and review-year closures, against a real broker. Each test
 * uses keys of its own (a year or unit no other test uses), since they share one set of topics.
 */
class TargetsTest {

    private static final String TARGETS = "/api/v1/targets";

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
    void writesEveryTargetOfAValidRequestInOneTransaction() {
        HttpResult result = admin.put(TARGETS, """
                [{"unitCode": "38", "reviewYear": 2025, "kind": "RATE_POINTS", "value": "4.0"},
                 {"unitCode": "15271-TK1", "reviewYear": 2025, "measure": "ETHNIC_MINORITY_POVERTY_RATE",
                  "kind": "HOUSEHOLDS", "value": 13},
                 {"unitCode": "15271", "reviewYear": 2025, "kind": "BASELINE_PERCENT", "value": 35,
                  "baselinePoorHouseholds": 120, "baselineTotalHouseholds": 2400}]""");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("written").asInt()).isEqualTo(3);
        assertThat(result.json().get("keys")).extracting(JsonNode::asText).containsExactly(
                "2025/38/POVERTY_RATE", "2025/15271-TK1/ETHNIC_MINORITY_POVERTY_RATE", "2025/15271/POVERTY_RATE");
        List<ConsumerRecord<String, ReductionTarget>> stored = committedTargets(3, "2025/38/POVERTY_RATE",
                "2025/15271-TK1/ETHNIC_MINORITY_POVERTY_RATE", "2025/15271/POVERTY_RATE");
        ReductionTarget province = stored.get(0).value();
        assertThat(province.getUnitCode()).isEqualTo("38");
        assertThat(province.getReviewYear()).isEqualTo(2025);
        assertThat(province.getMeasure()).isEqualTo(TargetMeasure.POVERTY_RATE);
        assertThat(province.getKind()).isEqualTo(TargetKind.RATE_POINTS);
        assertThat(province.getValue()).as("kept as the plan wrote it").isEqualTo("4.0");
        assertThat(province.getBaselinePoorHouseholds()).isNull();
        assertThat(province.getSetBy()).isEqualTo("admin");
        assertThat(province.getSetAt()).isNotNull();
        ReductionTarget village = stored.get(1).value();
        assertThat(village.getKind()).isEqualTo(TargetKind.HOUSEHOLDS);
        assertThat(village.getValue()).isEqualTo("13");
        ReductionTarget commune = stored.get(2).value();
        assertThat(commune.getBaselinePoorHouseholds()).isEqualTo(120L);
        assertThat(commune.getBaselineTotalHouseholds()).isEqualTo(2400L);
        assertThat(stored).extracting(ConsumerRecord::offset).as("written in the order of the request").isSorted();
    }

    @Test
    void writesNothingWhenOneTargetIsInvalidAndNamesEachBrokenRuleByIndex() {
        HttpResult result = admin.inLanguage("en").put(TARGETS, """
                [{"unitCode": "38", "reviewYear": 2026, "kind": "END_RATE", "value": "3.02"},
                 {"unitCode": "15271", "reviewYear": 2026, "kind": "HOUSEHOLDS", "value": "12.5"},
                 {"unitCode": "15271", "reviewYear": 2026, "measure": "ETHNIC_MINORITY_POVERTY_RATE", "kind": "RATE_POINTS",
                  "value": 1, "baselinePoorHouseholds": 30, "baselineTotalHouseholds": 20},
                 {"unitCode": "15271", "reviewYear": 2026, "kind": "BY_MAGIC", "value": 1}]""");

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(result.json().get("error").asText()).isEqualTo("invalid-targets");
        JsonNode rejected = result.json().get("rejected");
        assertThat(rejected).extracting(r -> r.get("index").asInt()).containsExactly(1, 2, 3);
        JsonNode households = rejected.get(0).get("errors").get(0);
        assertThat(households.get("field").asText()).isEqualTo("value");
        assertThat(households.get("rule").asText()).isEqualTo("value.wholeHouseholds");
        assertThat(households.get("message").asText()).isEqualTo(households.get("messageEn").asText()).contains("12.5");
        assertThat(households.get("messageVi").asText()).contains("Số hộ nghèo cần giảm");
        JsonNode baseline = rejected.get(1).get("errors").get(0);
        assertThat(baseline.get("field").asText()).isEqualTo("baselinePoorHouseholds");
        assertThat(baseline.get("rule").asText()).isEqualTo("poorHouseholds.atMostTotal");
        assertThat(rejected.get(2).get("errors").get(0).get("rule").asText()).isEqualTo("kind.unknown");

        // A later write of the same topic is visible, so the refused one would be by now.
        assertThat(admin.put(TARGETS, "{\"unitCode\": \"VN\", \"reviewYear\": 2026, \"kind\": \"RATE_POINTS\", \"value\": 1}")
                .status()).isEqualTo(202);
        committedTargets(1, "2026/VN/POVERTY_RATE");
        assertThat(CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().reductionTargets()))
                .extracting(ConsumerRecord::key).doesNotContain("2026/38/POVERTY_RATE", "2026/15271/POVERTY_RATE");
    }

    @Test
    void refusesAUnitOutsideTheReviewYearsMap() {
        HttpResult result = admin.put(TARGETS, """
                [{"unitCode": "392", "reviewYear": 2024, "kind": "RATE_POINTS", "value": "5.0"},
                 {"unitCode": "392", "reviewYear": 2025, "kind": "RATE_POINTS", "value": "5.0"},
                 {"unitCode": "99999-TK1", "reviewYear": 2025, "kind": "HOUSEHOLDS", "value": 2}]""");

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        JsonNode rejected = result.json().get("rejected");
        assertThat(rejected).extracting(r -> r.get("index").asInt())
                .as("district 392 exists in 2024's three-level map only; commune 99999 in none").containsExactly(1, 2);
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.get("errors").get(0).get("field").asText()).isEqualTo("unitCode");
            assertThat(r.get("errors").get(0).get("rule").asText()).isEqualTo("unitCode.unknown");
        });
    }

    @Test
    void refusesTheSameTargetTwiceInOneRequest() {
        HttpResult result = admin.put(TARGETS, """
                [{"unitCode": "38", "reviewYear": 2030, "kind": "RATE_POINTS", "value": "4.0"},
                 {"unitCode": "38", "reviewYear": 2030, "kind": "END_RATE", "value": "2.5"}]""");

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(result.json().get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(result.json().get("rejected").get(0).get("errors").get(0).get("rule").asText()).isEqualTo("target.duplicate");
    }

    @Test
    void listsTheCurrentTargetsFilteredByYearAndUnitAndAFreshInstanceReadsThemBack() {
        assertThat(admin.put(TARGETS, """
                [{"unitCode": "38", "reviewYear": 2027, "kind": "RATE_POINTS", "value": "4.0"},
                 {"unitCode": "15271", "reviewYear": 2027, "kind": "HOUSEHOLDS", "value": 13},
                 {"unitCode": "38", "reviewYear": 2028, "kind": "RATE_POINTS", "value": "3.5"}]""").status()).isEqualTo(202);
        // Replacing a target: the latest one counts.
        assertThat(admin.put(TARGETS, "{\"unitCode\": \"38\", \"reviewYear\": 2027, \"kind\": \"RATE_POINTS\", \"value\": \"4.5\"}")
                .status()).isEqualTo(202);

        HttpResult year = admin.get(TARGETS + "?reviewYear=2027");
        HttpResult yearAndUnit = admin.get(TARGETS + "?reviewYear=2027&unitCode=38");
        HttpResult unit = admin.get(TARGETS + "?unitCode=38");

        assertThat(year.status()).as(year.toString()).isEqualTo(200);
        assertThat(year.json().get("targets")).extracting(t -> t.get("key").asText())
                .containsExactly("2027/15271/POVERTY_RATE", "2027/38/POVERTY_RATE");
        assertThat(yearAndUnit.json().get("targets")).hasSize(1);
        JsonNode target = yearAndUnit.json().get("targets").get(0);
        assertThat(target.get("value").asText()).isEqualTo("4.5");
        assertThat(target.get("kind").asText()).isEqualTo("RATE_POINTS");
        assertThat(target.get("measure").asText()).isEqualTo("POVERTY_RATE");
        assertThat(target.get("setBy").asText()).isEqualTo("admin");
        assertThat(unit.json().get("targets")).extracting(t -> t.get("reviewYear").asInt()).contains(2027, 2028);
        assertThat(admin.get(TARGETS + "?reviewYear=1999").status()).isEqualTo(400);

        try (RunningIngest other = RunningIngest.start(ingest.bootstrapServers(), ingest.topics())) {
            JsonNode readBack = other.admin().get(TARGETS + "?reviewYear=2027&unitCode=38").json().get("targets");
            assertThat(readBack).hasSize(1);
            assertThat(readBack.get(0).get("value").asText()).isEqualTo("4.5");
        }
    }

    @Test
    void deletingATargetWritesATombstoneAndItIsNoLongerListed() {
        assertThat(admin.put(TARGETS, "{\"unitCode\": \"15271\", \"reviewYear\": 2029, \"kind\": \"END_RATE\", \"value\": \"0\"}")
                .status()).isEqualTo(202);

        HttpResult deleted = admin.delete(TARGETS + "/2029/15271/POVERTY_RATE");

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
        assertThat(deleted.json().get("key").asText()).isEqualTo("2029/15271/POVERTY_RATE");
        List<ConsumerRecord<String, ReductionTarget>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().reductionTargets()).stream()
                        .filter(r -> r.key().equals("2029/15271/POVERTY_RATE")).toList(), found -> found.size() == 2);
        assertThat(records.get(0).value()).isNotNull();
        assertThat(records.get(1).value()).as("tombstone").isNull();
        assertThat(admin.get(TARGETS + "?reviewYear=2029").json().get("targets")).isEmpty();
        HttpResult again = admin.delete(TARGETS + "/2029/15271/POVERTY_RATE");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isEqualTo("target-not-found");
        assertThat(admin.delete(TARGETS + "/2029/15271/SOMETHING_ELSE").status()).isEqualTo(400);
    }

    @Test
    void closingAndReopeningAReviewYearWriteAClosureAndATombstone() {
        HttpResult closed = admin.post("/api/v1/review-years/2025/closures", "application/json", "{\"unitCode\": \"38\"}");

        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        assertThat(closed.json().get("key").asText()).isEqualTo("2025/38");
        assertThat(closed.json().get("closedBy").asText()).isEqualTo("admin");
        ReviewYearClosure closure = await().atMost(Duration.ofSeconds(30))
                .until(() -> closureRecords("2025/38"), records -> records.size() == 1).get(0).value();
        assertThat(closure.getUnitCode()).isEqualTo("38");
        assertThat(closure.getReviewYear()).isEqualTo(2025);
        assertThat(closure.getClosedBy()).isEqualTo("admin");
        assertThat(closure.getClosedAt().toString()).isEqualTo(closed.json().get("closedAt").asText());

        HttpResult closedAgain = admin.post("/api/v1/review-years/2025/closures", "application/json", "{\"unitCode\": \"38\"}");
        assertThat(closedAgain.status()).as("already closed: nothing written").isEqualTo(200);
        assertThat(closedAgain.json().get("closedAt").asText()).isEqualTo(closed.json().get("closedAt").asText());

        HttpResult reopened = admin.delete("/api/v1/review-years/2025/closures/38");

        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(202);
        List<ConsumerRecord<String, ReviewYearClosure>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> closureRecords("2025/38"), found -> found.size() == 2);
        assertThat(records.get(1).value()).as("tombstone").isNull();
        assertThat(admin.delete("/api/v1/review-years/2025/closures/38").status()).isEqualTo(404);
    }

    @Test
    void refusesToCloseAYearForAnUnknownUnit() {
        HttpResult result = admin.post("/api/v1/review-years/2025/closures", "application/json", "{\"unitCode\": \"392\"}");
        HttpResult noUnit = admin.post("/api/v1/review-years/2025/closures", "application/json", "{}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("rule").asText()).isEqualTo("unitCode.unknown");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.json().get("errors").get(0).get("rule").asText()).isEqualTo("unitCode.required");
    }

    @Test
    void answers401WithoutATokenAnd403ToAReviewer() {
        IngestClient anonymous = ingest.anonymous();
        HttpResult created = admin.post("/api/v1/reviewers", "application/json", "{\"communeCodes\": [\"15271\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        IngestClient reviewer = admin.as(created.json().get("token").asText());
        String target = "{\"unitCode\": \"15271\", \"reviewYear\": 2025, \"kind\": \"HOUSEHOLDS\", \"value\": 3}";

        for (IngestClient client : List.of(anonymous, reviewer)) {
            int expected = client == anonymous ? 401 : 403;
            assertThat(client.put(TARGETS, target).status()).isEqualTo(expected);
            assertThat(client.get(TARGETS).status()).isEqualTo(expected);
            assertThat(client.delete(TARGETS + "/2025/15271/POVERTY_RATE").status()).isEqualTo(expected);
            assertThat(client.post("/api/v1/review-years/2025/closures", "application/json", "{\"unitCode\": \"15271\"}")
                    .status()).isEqualTo(expected);
            assertThat(client.delete("/api/v1/review-years/2025/closures/15271").status()).isEqualTo(expected);
        }
    }

    /** The committed records of the given keys, in the keys' order, once there are {@code count} of them. */
    private static List<ConsumerRecord<String, ReductionTarget>> committedTargets(int count, String... keys) {
        List<String> wanted = List.of(keys);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().reductionTargets()).stream()
                        .filter(r -> wanted.contains(r.key()))
                        .sorted((a, b) -> Integer.compare(wanted.indexOf(a.key()), wanted.indexOf(b.key())))
                        .toList(), records -> records.size() == count);
    }

    private static List<ConsumerRecord<String, ReviewYearClosure>> closureRecords(String key) {
        return CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().reviewYearClosures()).stream()
                .filter(r -> r.key().equals(key))
                .toList();
    }
}
