package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;

/**
 * Throws generated bad requests at a real ingest on a real broker: records with one field made
 * hostile (a control character, a wrong type, a value out of range, a field missing, an id that is
 * not plain), CSV uploads with such a cell, random bytes under any media type (a workbook's among
 * them, also after a zip file's signature), and
 * withdrawals naming no valid household, year or commune. Every answer must be a refusal that
 * is not a server error, every rejection must name the rule it broke in Vietnamese and English,
 * and nothing may reach the reviews topic. jqwik picks a new seed each run and prints it.
 */
class HostileRequestsFuzzTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> TEXT_FIELDS = List.of("reviewId", "householdId", "reviewedAt", "provinceCode",
            "communeCode", "villageCode", "area", "classification");
    private static final List<String> REQUIRED_FIELDS = List.of("householdId", "reviewYear", "reviewedAt", "provinceCode",
            "communeCode", "villageCode", "area", "members", "classification");
    private static final List<String> ALL_FIELDS = List.of("reviewId", "householdId", "reviewYear", "reviewedAt",
            "provinceCode", "districtCode", "communeCode", "villageCode", "area", "members", "incomePerCapitaMonthlyVnd",
            "deprivations", "classification", "ethnicMinority", "meritFamily", "socialProtection", "noLaborCapacity",
            "agricultureForestryFishery");

    private static RunningIngest ingest;
    private static IngestClient admin;
    private static final AtomicInteger households = new AtomicInteger();

    @BeforeContainer
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
        admin = ingest.admin();
    }

    @AfterContainer
    static void nothingWasCountedAndIngestStops() {
        try {
            assertThat(CommittedRecords.raw(ingest.bootstrapServers(), ingest.topics().householdReviews().name()))
                    .as("records on the reviews topic after only bad requests").isEmpty();
        } finally {
            ingest.close();
        }
    }

    // A fresh seed every run, even after a failure (whose seed the report printed, to fix it with seed = "...").
    @Property(tries = 10_000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyBadRequestIsRefusedWithANamedRuleAndNoServerError(@ForAll("badRequests") BadRequest request) {
        HttpResult result = request.send(admin);

        assertThat(result.status()).as("%s -> %s", request, result).isBetween(400, 499);
        JsonNode body = result.json();
        assertThat(body).as("a JSON problem for %s: %s", request, result).isNotNull();
        assertThat(body.path("error").asText()).as("the problem's name for %s: %s", request, result).isNotBlank();
        for (JsonNode error : body.path("errors")) {
            assertNamesItsRule(error, request, result);
        }
        for (JsonNode rejection : body.path("rejected")) {
            assertThat(rejection.path("errors")).as("errors of %s", result).isNotEmpty();
            for (JsonNode error : rejection.path("errors")) {
                assertNamesItsRule(error, request, result);
            }
        }
        if (result.status() == 422) {
            assertThat(body.path("rejected")).as("the rejections of %s", result).isNotEmpty();
        }
    }

    private static void assertNamesItsRule(JsonNode error, BadRequest request, HttpResult result) {
        assertThat(error.path("rule").asText()).as("rule of %s -> %s", request, result).isNotBlank();
        assertThat(error.path("messageVi").asText()).as("Vietnamese message of %s", result).isNotBlank();
        assertThat(error.path("messageEn").asText()).as("English message of %s", result).isNotBlank();
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, jsonRecords()),
                Tuple.of(2, csvUploads()),
                Tuple.of(2, randomBodies()),
                Tuple.of(1, withdrawals()));
    }

    /** A valid record with exactly one mutation that no valid record can have. */
    private Arbitrary<BadRequest> jsonRecords() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(TEXT_FIELDS), controlText()).as(JsonRecord::withText),
                Combinators.combine(Arbitraries.of(ALL_FIELDS), wrongTypes()).as(JsonRecord::withNode),
                Combinators.combine(Arbitraries.of("members"), outOfRange(1, 100)).as(JsonRecord::withNumber),
                Combinators.combine(Arbitraries.of("reviewYear"), outOfRange(2000, 2100)).as(JsonRecord::withNumber),
                Combinators.combine(Arbitraries.of("incomePerCapitaMonthlyVnd"), Arbitraries.longs().between(Long.MIN_VALUE, -1))
                        .as(JsonRecord::withNumber),
                Arbitraries.of(REQUIRED_FIELDS).map(JsonRecord::without),
                Combinators.combine(Arbitraries.of("householdId", "reviewId"), notPlain()).as(JsonRecord::withText),
                Combinators.combine(Arbitraries.of("area", "classification"), unknownCode()).as(JsonRecord::withText))
                .map(record -> (BadRequest) record);
    }

    private Arbitrary<BadRequest> csvUploads() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("villageCode", "communeCode", "householdId", "area", "classification"),
                        controlText()).as(CsvUpload::new),
                Combinators.combine(Arbitraries.of("area", "classification"), unknownCode()).as(CsvUpload::new))
                .map(upload -> (BadRequest) upload);
    }

    private Arbitrary<BadRequest> randomBodies() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2_000);
        return Arbitraries.oneOf(
                Combinators.combine(
                                Arbitraries.of("application/json", "application/x-ndjson", "text/csv", "text/plain",
                                        "application/octet-stream", "application/json; charset=latin1", XLSX),
                                bytes)
                        .as((type, body) -> (BadRequest) new RawBody(type, body)),
                // What a workbook starts with, then noise: the zip reader has to refuse it, not fail.
                bytes.map(body -> (BadRequest) new RawBody(XLSX, zipLike(body))));
    }

    private static byte[] zipLike(byte[] noise) {
        byte[] body = new byte[noise.length + 4];
        body[0] = 'P';
        body[1] = 'K';
        body[2] = 3;
        body[3] = 4;
        System.arraycopy(noise, 0, body, 4, noise.length);
        return body;
    }

    private Arbitrary<BadRequest> withdrawals() {
        Arbitrary<String> badYear = Arbitraries.oneOf(Arbitraries.of("1999", "abc", "20255", "-1", "%00"),
                Arbitraries.integers().between(0, 2000).map(String::valueOf));
        Arbitrary<String> badHousehold = Arbitraries.of("Nguy%E1%BB%85n", "a%20b", "%00", "-x", "x".repeat(70));
        Arbitrary<String> badQuery = Arbitraries.of("", "?communeCode=99999", "?communeCode=15271&communeCode=15274",
                "?communeCode=%00", "?communeCode=");
        return Arbitraries.oneOf(
                Combinators.combine(badYear, Arbitraries.of("HH-1"), Arbitraries.of("?communeCode=15271")).as(Withdrawal::new),
                Combinators.combine(Arbitraries.of("2025"), badHousehold, Arbitraries.of("?communeCode=15271")).as(Withdrawal::new),
                Combinators.combine(Arbitraries.of("2025"), Arbitraries.of("HH-1"), badQuery).as(Withdrawal::new))
                .map(withdrawal -> (BadRequest) withdrawal);
    }

    /** Text with at least one control character in it. */
    private static Arbitrary<String> controlText() {
        Arbitrary<Character> control = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'));
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMaxLength(8), control,
                Arbitraries.strings().alpha().numeric().ofMaxLength(8)).as((before, c, after) -> before + c + after);
    }

    private static Arbitrary<JsonNode> wrongTypes() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode object = nodes.objectNode().put("a", 1);
        return Arbitraries.of(object, nodes.arrayNode().add(nodes.objectNode()));
    }

    private static Arbitrary<Long> outOfRange(long low, long high) {
        return Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000_000L, low - 1),
                Arbitraries.longs().between(high + 1, 1_000_000_000_000L));
    }

    /** An id with a character outside letters without accents, digits and . _ -, or too long. */
    private static Arbitrary<String> notPlain() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.of(' ', '/', 'đ', 'ố', '#', '@', ':', '"'))
                        .as((id, c) -> id + c),
                Arbitraries.strings().alpha().ofLength(65),
                Arbitraries.of("-starts-with-a-dash", ".dot"));
    }

    /** Text that is no code of any enumeration: every code is letters and underscores only. */
    private static Arbitrary<String> unknownCode() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(code -> code + "9");
    }

    /** One bad request and how it is sent. */
    sealed interface BadRequest permits JsonRecord, CsvUpload, RawBody, Withdrawal {
        HttpResult send(IngestClient client);
    }

    /** A JSON record: a valid one for a fresh household, then one mutation. */
    record JsonRecord(String field, JsonNode value, boolean remove) implements BadRequest {

        static JsonRecord withText(String field, String text) {
            return new JsonRecord(field, JsonNodeFactory.instance.textNode(text), false);
        }

        static JsonRecord withNode(String field, JsonNode node) {
            return new JsonRecord(field, node, false);
        }

        static JsonRecord withNumber(String field, long number) {
            return new JsonRecord(field, JsonNodeFactory.instance.numberNode(number), false);
        }

        static JsonRecord without(String field) {
            return new JsonRecord(field, null, true);
        }

        @Override
        public HttpResult send(IngestClient client) {
            ObjectNode record = ReviewRows.json(aReview().household("HH-FUZZ-" + households.incrementAndGet()).year(2025)
                    .inVillage("15271-TK1").build());
            if (remove) {
                record.remove(field);
            } else {
                record.set(field, value);
            }
            return client.post(REVIEWS, "application/json", record.toString());
        }
    }

    /** A CSV upload of one valid row with one cell replaced. */
    record CsvUpload(String column, String cell) implements BadRequest {

        @Override
        public HttpResult send(IngestClient client) {
            String header = "householdId,reviewYear,reviewedAt,provinceCode,communeCode,villageCode,area,members,classification";
            List<String> names = List.of(header.split(","));
            String[] cells = ("HH-FUZZ-CSV-" + households.incrementAndGet() + ",2025,2025-11-03T09:00:00+07:00,38,15271,TK1,RURAL,4,POOR")
                    .split(",");
            // Quoted, so that a separator or a line break in the cell stays in it.
            cells[names.indexOf(column)] = "\"" + cell.replace("\"", "\"\"") + "\"";
            return client.post(REVIEWS, "text/csv", header + "\r\n" + String.join(",", cells) + "\r\n");
        }
    }

    record RawBody(String contentType, byte[] bytes) implements BadRequest {

        @Override
        public HttpResult send(IngestClient client) {
            return client.post(REVIEWS, contentType, bytes);
        }

        @Override
        public String toString() {
            return "RawBody[" + contentType + ", " + new String(bytes, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    record Withdrawal(String year, String householdId, String query) implements BadRequest {

        @Override
        public HttpResult send(IngestClient client) {
            return client.delete(REVIEWS + "/" + year + "/" + householdId + query);
        }
    }
}
