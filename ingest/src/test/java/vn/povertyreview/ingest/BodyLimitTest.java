package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;

class BodyLimitTest {

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_RECORDS = 5;

    private static RunningIngest ingest;
    private static IngestClient admin;

    @BeforeAll
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        IngestSettings settings = RunningIngest.settings(bootstrap, TestTopics.create(bootstrap))
                .withMaxBodyBytes(MAX_BODY_BYTES)
                .withMaxRecords(MAX_RECORDS);
        ingest = RunningIngest.start(settings, Clock.systemUTC());
        admin = ingest.admin();
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void answers413ForABodyOverTheLimit() {
        String body = "[" + "{\"householdId\": \"HH-1\"},".repeat(2000) + "{}]";

        HttpResult result = admin.post("/api/v1/reviews", "application/json", body);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.json().get("error").asText()).isEqualTo("body-too-large");
        assertThat(result.json().get("maxBodyBytes").asLong()).isEqualTo(MAX_BODY_BYTES);
    }

    @Test
    void answers413ForAChunkedBodyThatGrowsOverTheLimit() {
        byte[] body = ("householdId\n" + "HH-1\n".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = admin.request("/api/v1/reviews")
                .header("Content-Type", "text/csv")
                // A publisher of unknown length makes the client send the body chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        HttpResult result = admin.send(request);

        assertThat(result.status()).isEqualTo(413);
    }

    @Test
    void answers413ForAWorkbookOverTheLimit() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("householdId", "villageCode"));
        // Distinct text in every cell, so that the workbook does not compress below the limit.
        IntStream.range(0, 3000).forEach(i -> rows.add(List.of(java.util.UUID.randomUUID().toString(), "TK" + i)));
        byte[] workbook = Workbooks.of("Sheet1", rows);
        assertThat(workbook.length).isGreaterThan(MAX_BODY_BYTES);

        HttpResult result = admin.post("/api/v1/reviews", Workbooks.MEDIA_TYPE, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(413);
        assertThat(result.json().get("error").asText()).isEqualTo("body-too-large");
    }

    @Test
    void answers413ForAWorkbookOfMoreRecordsThanAllowed() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("householdId", "reviewYear"));
        IntStream.range(0, MAX_RECORDS + 1).forEach(i -> rows.add(List.of("HH-XL-MANY-" + i, 2025)));

        HttpResult result = admin.post("/api/v1/reviews", Workbooks.MEDIA_TYPE, Workbooks.of("Sheet1", rows));

        assertThat(result.status()).as(result.toString()).isEqualTo(413);
        assertThat(result.json().get("error").asText()).isEqualTo("too-many-records");
    }

    @Test
    void answers413ForMoreRecordsThanAllowed() {
        List<Review> reviews = new ArrayList<>();
        IntStream.range(0, MAX_RECORDS + 1).forEach(i -> reviews.add(aReview().household("HH-MANY-" + i).build()));

        HttpResult result = admin.post("/api/v1/reviews", "application/x-ndjson", ReviewRows.ndjson(reviews));

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.json().get("error").asText()).isEqualTo("too-many-records");
        assertThat(result.json().get("maxRecords").asInt()).isEqualTo(MAX_RECORDS);
    }

    @Test
    void acceptsExactlyTheMostRecordsAllowed() {
        List<Review> reviews = new ArrayList<>();
        IntStream.range(0, MAX_RECORDS).forEach(i -> reviews.add(aReview().household("HH-MAX-" + i).build()));

        HttpResult result = admin.post("/api/v1/reviews", "application/x-ndjson", ReviewRows.ndjson(reviews));

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(MAX_RECORDS);
    }
}
