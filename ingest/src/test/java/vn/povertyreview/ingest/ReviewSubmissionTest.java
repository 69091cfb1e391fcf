package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.testsupport.RealCommunes;

class ReviewSubmissionTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final Duration VISIBLE = Duration.ofSeconds(30);

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
    void storesEveryRecordOfAJsonArrayOnTheTopicUnderItsHouseholdKey() {
        List<Review> reviews = List.of(
                aReview().household("HH-A1").year(2024).inVillage("15271-TK1").poor().build(),
                aReview().household("HH-A2").year(2024).inVillage("15271-TK2").nearPoor().deprivedIn(Indicator.NUTRITION).build(),
                aReview().household("HH-A3").year(2025).inVillage("15271-TK1").notPoor().income(3_000_000L).deprivedIn().build());

        HttpResult result = admin.post(REVIEWS, "application/json", ReviewRows.jsonArray(reviews));

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(result.json().get("rejected")).isEmpty();
        String submissionId = result.json().get("submissionId").asText();
        List<ConsumerRecord<String, HouseholdReview>> stored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(submissionId), records -> records.size() == 3);
        assertThat(stored).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("2024/HH-A1", "2024/HH-A2", "2025/HH-A3");
        HouseholdReview first = stored.stream().filter(r -> r.key().equals("2024/HH-A1")).findFirst().orElseThrow().value();
        assertThat(first.getSubmittedBy()).isEqualTo("admin");
        assertThat(first.getDistrictCode()).isNotNull();
        HouseholdReview twoLevel = stored.stream().filter(r -> r.key().equals("2025/HH-A3")).findFirst().orElseThrow().value();
        assertThat(twoLevel.getDistrictCode()).isNull();
    }

    @Test
    void storesAgricultureForestryFisheryAsSentAndFalseWhenAbsent() {
        Review farming = aReview().household("HH-AFF-JSON1").year(2025).inVillage("15271-TK1")
                .agricultureForestryFishery().build();
        ObjectNode withoutTheField = ReviewRows.json(aReview().household("HH-AFF-JSON2").year(2025).inVillage("15271-TK1").build());
        withoutTheField.remove("agricultureForestryFishery");
        assertThat(withoutTheField.has("agricultureForestryFishery")).isFalse();

        HttpResult result = admin.post(REVIEWS, "application/json", "[" + ReviewRows.json(farming) + "," + withoutTheField + "]");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(ReviewRows.json(farming).get("agricultureForestryFishery").booleanValue()).isTrue();
        String submissionId = result.json().get("submissionId").asText();
        List<ConsumerRecord<String, HouseholdReview>> stored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(submissionId), records -> records.size() == 2);
        assertThat(storedUnder(stored, "2025/HH-AFF-JSON1").getAgricultureForestryFishery()).isTrue();
        assertThat(storedUnder(stored, "2025/HH-AFF-JSON2").getAgricultureForestryFishery()).isFalse();
    }

    @Test
    void readsAgricultureForestryFisheryFromACsvColumnLikeTheOtherFlags() {
        String header = "householdId,reviewYear,reviewedAt,provinceCode,communeCode,villageCode,area,members,classification,"
                + "noLaborCapacity,agricultureForestryFishery";
        String csv = String.join("\r\n", header,
                "HH-AFF-CSV1,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,true,true",
                "HH-AFF-CSV2,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,1,1",
                "HH-AFF-CSV3,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,FALSE,FALSE",
                "HH-AFF-CSV4,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,0,0",
                "HH-AFF-CSV5,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,,",
                "HH-AFF-CSV6,2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR,yes,yes") + "\r\n";

        HttpResult result = admin.post(REVIEWS, "text/csv", csv);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(5);
        JsonNode rejection = result.json().get("rejected").get(0);
        assertThat(rejection.get("line").asInt()).isEqualTo(7);
        assertThat(rules(rejection)).containsExactlyInAnyOrder("noLaborCapacity.type", "agricultureForestryFishery.type");
        String submissionId = result.json().get("submissionId").asText();
        List<ConsumerRecord<String, HouseholdReview>> stored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(submissionId), records -> records.size() == 5);
        for (int row = 1; row <= 5; row++) {
            HouseholdReview review = storedUnder(stored, "2025/HH-AFF-CSV" + row);
            assertThat(review.getAgricultureForestryFishery()).as("row %d", row).isEqualTo(row <= 2)
                    .isEqualTo(review.getNoLaborCapacity());
        }
    }

    @Test
    void rejectsAnAgricultureForestryFisheryThatIsNotABooleanLikeTheOtherFlags() {
        ObjectNode record = ReviewRows.json(aReview().household("HH-AFF-BAD").year(2025).inVillage("15271-TK1").build());
        record.put("agricultureForestryFishery", "yes");
        record.put("noLaborCapacity", "yes");

        HttpResult vietnamese = admin.post(REVIEWS, "application/json", record.toString());
        HttpResult english = admin.inLanguage("en").post(REVIEWS, "application/json", record.toString());

        assertThat(vietnamese.status()).as(vietnamese.toString()).isEqualTo(422);
        JsonNode rejection = vietnamese.json().get("rejected").get(0);
        assertThat(rules(rejection)).containsExactlyInAnyOrder("noLaborCapacity.type", "agricultureForestryFishery.type");
        JsonNode error = errorWithRule(rejection, "agricultureForestryFishery.type");
        JsonNode sibling = errorWithRule(rejection, "noLaborCapacity.type");
        assertThat(error.get("field").asText()).isEqualTo("agricultureForestryFishery");
        assertThat(error.get("message").asText()).isEqualTo(error.get("messageVi").asText())
                .isEqualTo("Trường agricultureForestryFishery (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp) phải là true/false hoặc Có/Không, không phải 'yes'.")
                .isEqualTo(sibling.get("messageVi").asText()
                        .replace("noLaborCapacity (hộ không có khả năng lao động)", "agricultureForestryFishery (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp)"));
        assertThat(error.get("messageEn").asText())
                .isEqualTo("Field agricultureForestryFishery must be true or false (Có or Không), not 'yes'.")
                .isEqualTo(sibling.get("messageEn").asText().replace("noLaborCapacity", "agricultureForestryFishery"));
        assertThat(errorWithRule(english.json().get("rejected").get(0), "agricultureForestryFishery.type").get("message").asText())
                .isEqualTo(error.get("messageEn").asText());
    }

    @Test
    void acceptsASingleJsonObject() {
        Review review = aReview().household("HH-SINGLE").year(2025).inVillage("15271-TK3").build();

        HttpResult result = admin.post(REVIEWS, "application/json; charset=utf-8", ReviewRows.json(review).toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void reportsTheThreeBadRowsOfAThousandRowCsvByLineAndStoresExactlyTheOther997() {
        List<String> communes = RealCommunes.of(2024, "38");
        List<String> lines = new ArrayList<>();
        lines.add(ReviewRows.csvHeader());
        for (int i = 0; i < 1000; i++) {
            Review review = aReview().household("HH-CSV-" + i).year(2024)
                    .inVillage(communes.get(i % communes.size()) + "-TK" + (i % 7)).build();
            String row = ReviewRows.csvRow(review);
            if (i == 10) {
                row = row.replace(",RURAL,", ",MOUNTAIN,");
            } else if (i == 500) {
                row = row.replace(",2024,", ",20x4,");
            } else if (i == 998) {
                row = row.replace("," + review.communeCode() + ",", ",99999,");
            }
            lines.add(row);
        }

        HttpResult result = admin.post(REVIEWS, "text/csv", String.join("\r\n", lines) + "\r\n");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(997);
        JsonNode rejected = result.json().get("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected).extracting(r -> r.get("line").asInt()).containsExactly(12, 502, 1000);
        assertThat(rejected).extracting(r -> r.get("index").asInt()).containsExactly(10, 500, 998);
        assertThat(rules(rejected.get(0))).contains("area.unknown");
        assertThat(rules(rejected.get(1))).contains("reviewYear.type");
        assertThat(rules(rejected.get(2))).contains("communeCode.unknown");

        String submissionId = result.json().get("submissionId").asText();
        await().atMost(VISIBLE).until(() -> reviewsOf(submissionId).size() == 997);
        List<ConsumerRecord<String, RejectedReview>> rejections = await().atMost(VISIBLE)
                .until(() -> rejectionsOf(submissionId), records -> records.size() == 3);
        assertThat(rejections).extracting(r -> r.value().getCsvLine()).containsExactlyInAnyOrder(12, 502, 1000);
        RejectedReview areaRow = rejections.stream().filter(r -> r.value().getCsvLine() == 12).findFirst().orElseThrow().value();
        assertThat(areaRow.getRejectedBy()).isEqualTo("ingest");
        assertThat(areaRow.getRecordIndex()).isEqualTo(10);
        assertThat(areaRow.getOriginal()).contains("HH-CSV-10").contains("MOUNTAIN");
        assertThat(areaRow.getViolations()).extracting(v -> v.getRule()).contains("area.unknown");
    }

    @Test
    void readsNdjsonAndReportsTheLineOfEachRejectedRecord() {
        Review good = aReview().household("HH-ND1").year(2025).inVillage("15271-TK1").build();
        ObjectNode bad = ReviewRows.json(aReview().household("HH-ND2").year(2025).inVillage("15271-TK1").build());
        bad.put("members", "four");
        String body = ReviewRows.json(good) + "\n\n" + bad + "\n";

        HttpResult result = admin.post(REVIEWS, "application/x-ndjson", body);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejection = result.json().get("rejected").get(0);
        assertThat(rejection.get("index").asInt()).isEqualTo(1);
        assertThat(rejection.get("line").asInt()).isEqualTo(3);
        assertThat(rejection.get("householdId").asText()).isEqualTo("HH-ND2");
        assertThat(rules(rejection)).containsExactly("members.type");
    }

    @Test
    void namesEachFieldErrorByRuleAndLeavesNoFieldReportedTwiceAndAPersonalDataFieldOnlyIgnored() {
        ObjectNode record = ReviewRows.json(aReview().household("HH-TYPES").year(2024).inVillage("15271-TK1").build());
        record.put("reviewYear", "2024");
        record.put("area", "MOUNTAIN");
        record.putArray("deprivations").add("NUTRITION").add("WIFI");
        record.put("fullName", "Nguyễn Văn A");

        HttpResult result = admin.post(REVIEWS, "application/json", "[" + record + "]");

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        JsonNode rejection = result.json().get("rejected").get(0);
        assertThat(rules(rejection)).containsExactlyInAnyOrder("reviewYear.type", "area.unknown", "deprivations.unknown");
        JsonNode ignored = result.json().get("ignoredColumns");
        assertThat(ignored).extracting(c -> c.get("column").asText(), c -> c.get("rule").asText())
                .containsExactly(tuple("fullName", "column.personalData"));
        assertThat(result.body()).doesNotContain("Nguyễn Văn A");
    }

    @Test
    void answersInVietnameseByDefaultAndInEnglishWhenAsked() {
        ObjectNode record = ReviewRows.json(aReview().household("HH-LANG").year(2024).inVillage("15271-TK1").build());
        record.put("area", "MOUNTAIN");

        JsonNode vietnamese = errorWithRule(admin.post(REVIEWS, "application/json", record.toString()).json().get("rejected").get(0), "area.unknown");
        JsonNode english = errorWithRule(admin.inLanguage("en-US,en;q=0.9").post(REVIEWS, "application/json", record.toString())
                .json().get("rejected").get(0), "area.unknown");

        assertThat(vietnamese.get("message").asText()).isEqualTo(vietnamese.get("messageVi").asText()).contains("khu vực");
        assertThat(english.get("message").asText()).isEqualTo(english.get("messageEn").asText()).contains("not a valid area");
        assertThat(english.get("messageVi").asText()).isEqualTo(vietnamese.get("messageVi").asText());
    }

    @Test
    void appliesTheDomainRulesToEveryRecord() {
        Review withDistrictIn2025 = aReview().household("HH-RULES").year(2025).inVillage("15271-TK1")
                .statedAs("38", "389").build();

        HttpResult result = admin.post(REVIEWS, "application/json", ReviewRows.json(withDistrictIn2025).toString());

        assertThat(result.status()).isEqualTo(422);
        assertThat(rules(result.json().get("rejected").get(0))).contains("districtCode.abolished");
    }

    @Test
    void answers422WithEveryRejectionWhenNoRecordIsValidAndStillKeepsTheRejections() {
        ObjectNode one = ReviewRows.json(aReview().household("HH-BAD1").year(2024).inVillage("15271-TK1").build());
        one.put("members", 0);
        ObjectNode two = ReviewRows.json(aReview().household("HH-BAD2").year(2024).inVillage("15271-TK1").build());
        two.remove("classification");

        HttpResult result = admin.post(REVIEWS, "application/json", "[" + one + "," + two + "]");

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(result.json().get("status").asInt()).isEqualTo(422);
        assertThat(result.json().get("error").asText()).isEqualTo("no-valid-record");
        assertThat(result.json().get("accepted").asInt()).isZero();
        assertThat(result.json().get("rejected")).extracting(r -> r.get("householdId").asText()).containsExactly("HH-BAD1", "HH-BAD2");
        assertThat(rules(result.json().get("rejected").get(0))).containsExactly("members.range");
        assertThat(rules(result.json().get("rejected").get(1))).containsExactly("classification.required");
        String submissionId = result.json().get("submissionId").asText();
        await().atMost(VISIBLE).until(() -> rejectionsOf(submissionId).size() == 2);
    }

    @Test
    void refusesAControlCharacterInAnyTextFieldNamingTheFieldAndPosition() {
        String csv = "householdId,reviewYear,reviewedAt,provinceCode,communeCode,villageCode,area,members,classification\r\n"
                + "HH-CTRL-1,2025,2025-11-03T09:00:00+07:00,38,15271,V\u0000X,RURAL,4,POOR\r\n";
        HttpResult fromCsv = admin.post(REVIEWS, "text/csv", csv);
        assertThat(fromCsv.status()).as(fromCsv.toString()).isEqualTo(422);
        JsonNode rejection = fromCsv.json().get("rejected").get(0);
        assertThat(rules(rejection)).containsExactly("villageCode.controlCharacter");
        assertThat(errorWithRule(rejection, "villageCode.controlCharacter").get("message").asText())
                .contains("U+0000").contains("2");

        ObjectNode withTab = ReviewRows.json(aReview().household("HH-CTRL-2").year(2025).inVillage("15271-TK1").build());
        withTab.put("villageCode", "TK\t1");
        HttpResult fromJson = admin.post(REVIEWS, "application/json", withTab.toString());
        assertThat(fromJson.status()).as(fromJson.toString()).isEqualTo(422);
        assertThat(rules(fromJson.json().get("rejected").get(0))).containsExactly("villageCode.controlCharacter");
    }

    @Test
    void refusesAReviewIdThatIsNotAPlainCode() {
        ObjectNode record = ReviewRows.json(aReview().household("HH-RID-1").year(2025).inVillage("15271-TK1").build());
        record.put("reviewId", "any text at all");
        HttpResult result = admin.post(REVIEWS, "application/json", record.toString());
        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(rules(result.json().get("rejected").get(0))).containsExactly("reviewId.format");
    }

    @Test
    void readsEnumerationsRegardlessOfCaseAsTheReadmeSays() {
        ObjectNode record = ReviewRows.json(aReview().household("HH-CASE-1").year(2025).inVillage("15271-TK1").build());
        record.put("area", " rural ");
        record.put("classification", "poor");
        HttpResult result = admin.post(REVIEWS, "application/json", record.toString());
        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        List<ConsumerRecord<String, HouseholdReview>> stored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(result.json().get("submissionId").asText()), records -> records.size() == 1);
        assertThat(stored.get(0).value().getArea().name()).isEqualTo("RURAL");
        assertThat(stored.get(0).value().getClassification().name()).isEqualTo("POOR");
    }

    @Test
    void refusesAReviewTimeInTheFuture() {
        Review review = aReview().household("HH-FUTURE").year(2025).inVillage("15271-TK1")
                .reviewedAt(java.time.Instant.now().plus(Duration.ofDays(2))).build();

        HttpResult result = admin.post(REVIEWS, "application/json", ReviewRows.json(review).toString());

        assertThat(result.status()).isEqualTo(422);
        assertThat(rules(result.json().get("rejected").get(0))).containsExactly("reviewedAt.future");
    }

    @Test
    void givesTheSameReviewIdToTheSameRecordSentTwiceWithoutOne() {
        Review review = aReview().household("HH-RETRY").year(2025).inVillage("15271-TK1").build();
        String body = ReviewRows.jsonWithoutId(review).toString();

        String first = admin.post(REVIEWS, "application/json", body).json().get("submissionId").asText();
        String second = admin.post(REVIEWS, "application/json", body).json().get("submissionId").asText();

        List<ConsumerRecord<String, HouseholdReview>> firstStored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(first), records -> records.size() == 1);
        List<ConsumerRecord<String, HouseholdReview>> secondStored = await().atMost(VISIBLE)
                .until(() -> reviewsOf(second), records -> records.size() == 1);
        assertThat(secondStored.get(0).value().getReviewId())
                .isEqualTo(firstStored.get(0).value().getReviewId())
                .isNotBlank();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void storesConcurrentUploadsEachInItsOwnTransaction() throws Exception {
        int uploads = 8;
        ExecutorService clients = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<HttpResult>> results = new ArrayList<>();
            for (int u = 0; u < uploads; u++) {
                List<Review> reviews = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    reviews.add(aReview().household("HH-C" + u + "-" + i).year(2025).inVillage("15271-TK" + u).build());
                }
                String body = ReviewRows.ndjson(reviews);
                results.add(clients.submit(() -> admin.post(REVIEWS, "application/x-ndjson", body)));
            }
            for (Future<HttpResult> future : results) {
                HttpResult result = future.get(60, TimeUnit.SECONDS);
                assertThat(result.status()).as(result.toString()).isEqualTo(202);
                String submissionId = result.json().get("submissionId").asText();
                await().atMost(VISIBLE).until(() -> reviewsOf(submissionId).size() == 50);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void answers400WithLineAndColumnForRandomBytes() {
        byte[] noise = new byte[2048];
        new java.util.Random(42).nextBytes(noise);

        HttpResult result = admin.post(REVIEWS, "application/json", noise);

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().get("error").asText()).isEqualTo("malformed-body");
        assertThat(result.json().get("line").asInt()).isPositive();
        assertThat(result.json().has("messageVi")).isTrue();
        assertThat(result.json().has("messageEn")).isTrue();
    }

    @Test
    void answers400SayingWhereAJsonArrayBreaks() {
        String body = "[\n" + ReviewRows.json(aReview().household("HH-BROKEN1").year(2025).build()) + ",\n{\"householdId\": \"HH-BROKEN2\",,}\n]";

        HttpResult result = admin.post(REVIEWS, "application/json", body);

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().get("line").asInt()).isEqualTo(3);
        assertThat(result.json().get("column").asInt()).isPositive();
    }

    @Test
    void ignoresAPersonalDataAndAnUnknownColumnOfACsvSayingWhyAndJudgesTheRest() {
        String csv = "householdId,reviewYear,hoTen,Ghi chú\nHH-1,2024,Nguyễn Văn A,gặp ngày 5\n";

        HttpResult result = admin.post(REVIEWS, "text/csv; charset=UTF-8", csv);

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(rules(result.json().get("rejected").get(0))).contains("members.required").doesNotContain("field.unknown");
        assertThat(result.json().get("ignoredColumns"))
                .extracting(c -> c.get("column").asText(), c -> c.get("rule").asText())
                .containsExactly(tuple("hoTen", "column.personalData"),
                        tuple("Ghi chú", "column.unknown"));
        assertThat(result.json().get("ignoredColumns").get(0).get("messageEn").asText()).contains("personal data");
        assertThat(result.body()).doesNotContain("Nguyễn Văn A").doesNotContain("gặp ngày 5");
    }

    @Test
    void answers400ForACsvWithoutAHeaderRow() {
        Review review = aReview().household("HH-NOHEADER").year(2024).inVillage("15271-TK1").build();

        HttpResult result = admin.post(REVIEWS, "text/csv", ReviewRows.csvRow(review) + "\n");

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().get("allowedColumns")).isNotEmpty();
    }

    @Test
    void answers400ForAnEmptyBody() {
        assertThat(admin.post(REVIEWS, "application/json", "").status()).isEqualTo(400);
        assertThat(admin.post(REVIEWS, "application/json", "[]").status()).isEqualTo(400);
        assertThat(admin.post(REVIEWS, "text/csv", ReviewRows.csvHeader() + "\n").status()).isEqualTo(400);
    }

    @Test
    void answers415ForAnotherMediaTypeOrCharset() {
        HttpResult xml = admin.post(REVIEWS, "application/xml", "<review/>");
        HttpResult latin = admin.post(REVIEWS, "text/csv; charset=windows-1258", ReviewRows.csvHeader());

        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.json().get("supportedMediaTypes")).extracting(JsonNode::asText)
                .containsExactly("application/json", "application/x-ndjson", "text/csv",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(latin.status()).isEqualTo(415);
    }

    @Test
    void answers401WithoutATokenOrWithAnUnknownOne() {
        String body = ReviewRows.json(aReview().build()).toString();

        HttpResult missing = ingest.anonymous().post(REVIEWS, "application/json", body);
        HttpResult unknown = admin.as("not-a-real-token").post(REVIEWS, "application/json", body);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void neverAnswers500ForStrangeInput() {
        List<String> bodies = List.of("null", "42", "\"text\"", "[1, 2]", "{\"members\": 1e400}", "[{\"deprivations\": {\"a\": 1}}]",
                "{\"reviewYear\": 99999999999}", "{\"householdId\": " + "\"x".repeat(1) + "y".repeat(5000) + "\"}",
                "[".repeat(5000));
        for (String body : bodies) {
            HttpResult result = admin.post(REVIEWS, "application/json", body);
            assertThat(result.status()).as(body.length() > 60 ? body.substring(0, 60) : body).isIn(400, 422);
        }
    }

    private static HouseholdReview storedUnder(List<ConsumerRecord<String, HouseholdReview>> stored, String key) {
        return stored.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing stored under " + key)).value();
    }

    private static List<ConsumerRecord<String, HouseholdReview>> reviewsOf(String submissionId) {
        return CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().householdReviews()).stream()
                .filter(r -> r.value() != null && submissionId.equals(r.value().getSubmissionId()))
                .toList();
    }

    private static List<ConsumerRecord<String, RejectedReview>> rejectionsOf(String submissionId) {
        return CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().rejectedReviews()).stream()
                .filter(r -> submissionId.equals(r.value().getSubmissionId()))
                .toList();
    }

    static List<String> rules(JsonNode rejection) {
        return StreamSupport.stream(rejection.get("errors").spliterator(), false)
                .map(e -> e.get("rule").asText())
                .toList();
    }

    static JsonNode errorWithRule(JsonNode rejection, String rule) {
        return StreamSupport.stream(rejection.get("errors").spliterator(), false)
                .filter(e -> e.get("rule").asText().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error " + rule + " in " + rejection));
    }
}
