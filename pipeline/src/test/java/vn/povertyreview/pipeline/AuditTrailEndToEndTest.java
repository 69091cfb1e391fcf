package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.pipeline.targets.TargetImport;
import vn.povertyreview.pipeline.tokens.TokenCommand;

/**
 * The audit trail end to end, through a real pipeline (embedded broker and PostgreSQL, ingest,
 * streams, sink): a submission, a withdrawal, a target imported from the command line, a year closed
 * and reopened, a village named, a token created and revoked from the command line, and the admin
 * token rotated each become one row of {@code audit_event}, with who made the change.
 */
class AuditTrailEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = TestPipelines.startEmbedded(dataDir, 2);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyKindOfChangeBecomesOneRowOfTheAuditTableWithWhoMadeIt() throws Exception {
        String admin = pipeline.adminToken();
        ReviewClient client = new ReviewClient(pipeline.ingestUrl(), admin);
        ReviewClient.Answer submitted = client.submit(List.of(
                aReview().household("HH-AUD-1").inVillage("15271-TK1").build(),
                aReview().household("HH-AUD-2").inVillage("15271-TK2").build()));
        assertThat(submitted.status()).isEqualTo(202);
        String submissionId = submitted.body().get("submissionId").asText();
        assertThat(client.withdraw(2025, "HH-AUD-2", "15271").status()).isEqualTo(202);
        TargetImport.Outcome imported = new TargetImport(pipeline.ingestUrl(), admin, quiet())
                .importCsv(new StringReader("unitCode,reviewYear,kind,value\n15271,2025,HOUSEHOLDS,1\n"));
        assertThat(imported.problems()).isEmpty();
        assertThat(send("POST", "/api/v1/review-years/2025/closures", "{\"unitCode\": \"15271\"}", admin).statusCode()).isEqualTo(201);
        assertThat(send("DELETE", "/api/v1/review-years/2025/closures/15271", null, admin).statusCode()).isEqualTo(202);
        assertThat(send("PUT", "/api/v1/villages/15271/TK1", "{\"name\": \"Tiểu khu Tân Lập\"}", admin).statusCode()).isEqualTo(202);
        HttpResponse<String> created = send("POST", "/api/v1/reviewers", "{\"communeCodes\": [\"15271\"], \"label\": \"UBND xã Hà Trung\"}",
                admin);
        assertThat(created.statusCode()).isEqualTo(201);
        String tokenId = JSON.readTree(created.body()).get("tokenId").asText();
        assertThat(cli("tokens", "revoke", tokenId, "--url=" + pipeline.ingestUrl(), "--token=" + admin)).isZero();
        assertThat(cli("admin-token", "rotate", "--url=" + pipeline.ingestUrl(), "--token=" + admin)).isZero();

        List<String> expected = List.of(
                "SUBMISSION admin API 2025/15271",
                "WITHDRAWAL admin API 2025/15271",
                "TARGET_SET admin CLI 2025/15271",
                "YEAR_CLOSED admin API 2025/15271",
                "YEAR_REOPENED admin API 2025/15271",
                "VILLAGE_NAMED admin API 2025/15271-TK1",
                "TOKEN_CREATED admin API 15271",
                "TOKEN_REVOKED admin CLI 15271",
                "ADMIN_TOKEN_ROTATED admin CLI -");
        await("every change in audit_event").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(rows("""
                        SELECT action || ' ' || actor_token_id || ' ' || client || ' ' || coalesce((
                               SELECT string_agg(coalesce((u ->> 'reviewYear') || '/', '') || (u ->> 'unitCode'), ',')
                                 FROM jsonb_array_elements(units) u), '-')
                          FROM audit_event ORDER BY occurred_at, action""")).containsExactlyInAnyOrderElementsOf(expected));

        assertThat(rows("SELECT submission_id::text || ' ' || accepted || ' ' || rejected || ' ' || rejected_by_rule::text"
                + " FROM audit_event WHERE action = 'SUBMISSION'")).containsExactly(submissionId + " 2 0 {}");
        assertThat(rows("SELECT detail ->> 'householdId' FROM audit_event WHERE action = 'WITHDRAWAL'")).containsExactly("HH-AUD-2");
        assertThat(rows("SELECT detail ->> 'tokenId' FROM audit_event WHERE action IN ('TOKEN_CREATED', 'TOKEN_REVOKED')"))
                .containsExactly(tokenId, tokenId);
        assertThat(rows("SELECT action FROM audit_event WHERE units @> '[{\"reviewYear\": 2025, \"unitCode\": \"15271\"}]'"
                + " AND action IN ('SUBMISSION', 'WITHDRAWAL') ORDER BY occurred_at"))
                .as("who changed commune 15271's 2025 figures").containsExactly("SUBMISSION", "WITHDRAWAL");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static int cli(String... arguments) throws Exception {
        return new TokenCommand(quiet(), quiet()).run(arguments[0], List.of(arguments).subList(1, arguments.length));
    }

    private static HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = pipeline.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
