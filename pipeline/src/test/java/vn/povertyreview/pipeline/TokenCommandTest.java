package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.pipeline.tokens.TokenCommand;

/**
 * {@code ./poverty tokens list|revoke} and {@code admin-token rotate} against the real ingest of an
 * embedded run (its broker and ingest only), which keeps a rotated admin token in its data directory.
 */
class TokenCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static Pipeline pipeline;

    @BeforeAll
    static void startIngest() throws Exception {
        pipeline = new Pipeline(TestPipelines.embeddedSettings(dataDir, 1))
                .start(Pipeline.Role.INGEST, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stopIngest() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void listsAndRevokesTokensThenRotatesTheAdminTokenWhichTheEmbeddedRunKeeps() throws Exception {
        String firstAdminToken = pipeline.adminToken();
        String tokenId = createReviewerToken(firstAdminToken);

        Run listed = run("tokens", "list", "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken);
        assertThat(listed.status()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("admin", tokenId, "reviewer of communes 15271", "ACTIVE")
                .doesNotContain(firstAdminToken);

        Run revoked = run("tokens", "revoke", tokenId, "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken);
        assertThat(revoked.status()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("Token " + tokenId, "revoked");
        assertThat(run("tokens", "list", "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken).out()).contains("REVOKED");
        Run unknown = run("tokens", "revoke", "no-such-token", "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken);
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("404", "tokenId.unknown");

        Run rotated = run("admin-token", "rotate", "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken);
        assertThat(rotated.status()).as(rotated.err()).isZero();
        String newAdminToken = rotated.out().lines().filter(line -> line.startsWith("adm_")).findFirst().orElseThrow();
        assertThat(newAdminToken).isNotEqualTo(firstAdminToken);
        assertThat(Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).trim()).isEqualTo(newAdminToken);
        assertThat(pipeline.adminToken()).isEqualTo(newAdminToken);
        Run withOld = run("tokens", "list", "--url=" + pipeline.ingestUrl(), "--token=" + firstAdminToken);
        assertThat(withOld.status()).isEqualTo(2);
        assertThat(withOld.err()).contains("401", "token.rotated");
        assertThat(run("tokens", "list", "--url=" + pipeline.ingestUrl(), "--token=" + newAdminToken).status()).isZero();
    }

    @Test
    void saysHowToUseItWhenArgumentsAreMissingOrWrong() {
        assertThatThrownBy(() -> run("tokens", "list")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use:");
        assertThatThrownBy(() -> run("tokens", "revoke", "--url=http://127.0.0.1:1", "--token=t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens list");
        assertThatThrownBy(() -> run("tokens", "burn", "--url=http://127.0.0.1:1", "--token=t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> run("admin-token", "rotate", "--url=http://127.0.0.1:1", "--token=t", "--force"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--force");
    }

    private static String createReviewerToken(String adminToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(pipeline.ingestUrl() + "/api/v1/reviewers"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"communeCodes\": [\"15271\"], \"label\": \"UBND xã Hà Trung\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        return created.get("tokenId").asText();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... arguments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new TokenCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(arguments[0], List.of(arguments).subList(1, arguments.length));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
