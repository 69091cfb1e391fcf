package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.ReviewRows;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkWriter;
import vn.povertyreview.sink.rollup.RollupRow;

/**
 * Viewer tokens: read-only, scoped to provinces and/or communes and everything under them. Thanh
 * Hóa (38) and its commune Xã Hà Trung (15271) have 2025 figures; Phường Ba Đình (00004) lies in
 * Hà Nội (01), another province.
 */
class ViewerAccessTest {

    private static final String VIEWERS = "/api/v1/viewers";
    private static final OffsetDateTime LAST_CHANGE = OffsetDateTime.of(2025, 11, 3, 2, 15, 0, 0, ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;
    static RunningIngest ingest;
    static IngestClient admin;

    @BeforeAll
    static void startDatabaseAndIngest() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing("viewers");
        Jdbi jdbi = SinkDatabase.open(postgres.dataSource("viewers"));
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                rollup(0, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN"),
                rollup(1, "15271", "COMMUNE", "Xã Hà Trung", "38"),
                rollup(2, "01", "PROVINCE", "Thành phố Hà Nội", "VN"),
                rollup(3, "00004", "COMMUNE", "Phường Ba Đình", "01")), Map.of());
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap), ReportDatabase.of(jdbi));
        admin = ingest.admin();
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
        postgres.close();
    }

    private static ConsumerRecord<String, RollupRow> rollup(long offset, String code, String level, String name, String parent) {
        Map<Figure, Long> figures = Map.of(Figure.HOUSEHOLDS, 400L, Figure.POOR, 20L, Figure.NEAR_POOR, 20L, Figure.START_HOUSEHOLDS, 410L,
                Figure.ETHNIC_MINORITY, 40L, Figure.ETHNIC_MINORITY_POOR, 10L);
        RollupRow row = new RollupRow(code, 2025, "2025-07-01", level, name, parent, figures, Map.of(), 1, LAST_CHANGE);
        return new ConsumerRecord<>("unit-rollups", 0, offset, "2025/" + code, row);
    }

    @Test
    void createsAViewerTokenOfProvincesAndCommunesThatIsListedWithItsScope() {
        HttpResult created = admin.post(VIEWERS, "application/json",
                "{\"provinceCodes\": [\"38\"], \"communeCodes\": [\"00004\"], \"label\": \"Sở Lao động\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.json().get("role").asText()).isEqualTo("VIEWER");
        assertThat(created.json().get("scope").asText()).isEqualTo("viewer of provinces 38 and communes 00004");
        String tokenId = created.json().get("tokenId").asText();
        JsonNode listed = StreamSupport.stream(admin.get("/api/v1/reviewers").json().get("tokens").spliterator(), false)
                .filter(token -> token.get("tokenId").asText().equals(tokenId)).findFirst().orElseThrow();
        assertThat(listed.get("role").asText()).isEqualTo("VIEWER");
        assertThat(listed.get("provinceCodes")).extracting(JsonNode::asText).containsExactly("38");
        assertThat(listed.get("communeCodes")).extracting(JsonNode::asText).containsExactly("00004");
        assertThat(listed.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aProvinceViewerReadsTheReportsOfItsProvinceAndOfItsCommunesButNotOfAnotherProvince() {
        IngestClient viewer = admin.as(newViewerToken("{\"provinceCodes\": [\"38\"]}"));

        assertThat(status(viewer, "/api/v1/reports/2025/38.csv")).isEqualTo(200);
        assertThat(status(viewer, "/api/v1/reports/2025/15271.xlsx")).isEqualTo(200);
        HttpResult otherProvince = viewer.get("/api/v1/reports/2025/01.csv");
        HttpResult otherCommune = viewer.get("/api/v1/reports/2025/00004.csv");
        HttpResult nation = viewer.get("/api/v1/reports/2025/VN.csv");

        assertThat(otherProvince.status()).isEqualTo(403);
        assertThat(otherProvince.json().get("rule").asText()).isEqualTo("unitCode.notPermitted");
        assertThat(otherCommune.status()).isEqualTo(403);
        assertThat(nation.status()).as("the nation is above the viewer's province").isEqualTo(403);
    }

    @Test
    void aCommuneViewerReadsItsCommuneButNotItsProvince() {
        IngestClient viewer = admin.as(newViewerToken("{\"communeCodes\": [\"15271\"]}"));

        assertThat(status(viewer, "/api/v1/reports/2025/15271.csv")).isEqualTo(200);
        assertThat(status(viewer, "/api/v1/reports/2025/38.csv")).isEqualTo(403);
    }

    @Test
    void aViewerMayNeverSubmitWithdrawOrAdministerAndIsToldSoByANamedRule() {
        IngestClient viewer = admin.as(newViewerToken("{\"provinceCodes\": [\"38\"]}"));

        HttpResult submission = viewer.post("/api/v1/reviews", "application/json",
                ReviewRows.json(aReview().household("HH-VIEW").year(2025).inVillage("15271-TK1").build()).toString());
        HttpResult withdrawal = viewer.delete("/api/v1/reviews/2025/HH-VIEW?communeCode=15271");
        HttpResult template = viewer.get("/api/v1/templates/reviews.xlsx");
        HttpResult newToken = viewer.post(VIEWERS, "application/json", "{\"provinceCodes\": [\"38\"]}");

        assertThat(submission.status()).as(submission.toString()).isEqualTo(403);
        assertThat(submission.json().get("rule").asText()).isEqualTo("role.readOnly");
        assertThat(withdrawal.status()).isEqualTo(403);
        assertThat(withdrawal.json().get("rule").asText()).isEqualTo("role.readOnly");
        assertThat(template.status()).isEqualTo(403);
        assertThat(newToken.status()).isEqualTo(403);
        assertThat(newToken.json().get("rule").asText()).isEqualTo("role.admin");
    }

    @Test
    void aRevokedViewerTokenIsRefused() {
        HttpResult created = admin.post(VIEWERS, "application/json", "{\"provinceCodes\": [\"38\"]}");
        IngestClient viewer = admin.as(created.json().get("token").asText());

        assertThat(admin.delete("/api/v1/reviewers/" + created.json().get("tokenId").asText()).status()).isEqualTo(200);

        HttpResult refused = viewer.get("/api/v1/reports/2025/38.csv");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("rule").asText()).isEqualTo("token.revoked");
    }

    @Test
    void answers400ForAViewerOfNothingOrOfUnknownUnits() {
        HttpResult nothing = admin.post(VIEWERS, "application/json", "{\"label\": \"Sở\"}");
        HttpResult unknown = admin.post(VIEWERS, "application/json", "{\"provinceCodes\": [\"38\", \"99\"], \"communeCodes\": [\"99999\"]}");
        HttpResult malformed = admin.post(VIEWERS, "application/json", "{\"provinceCodes\": [38]}");

        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("viewer.scope.required");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("unknownUnits")).extracting(JsonNode::asText).containsExactly("province 99", "commune 99999");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("provinceCodes.format");
    }

    private static String newViewerToken(String body) {
        HttpResult created = admin.post(VIEWERS, "application/json", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    private static int status(IngestClient client, String path) {
        return client.get(path).status();
    }
}
