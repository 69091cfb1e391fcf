package vn.povertyreview.pipeline.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tokens list|revoke} and {@code admin-token rotate}: the ingest API's tokens, managed
 * through that API with the admin token, as {@code GET /api/v1/reviewers},
 * {@code DELETE /api/v1/reviewers/<tokenId>} and {@code POST /api/v1/admin-token/rotate}. A token
 * is printed only where the API answers one: the new admin token of a rotation. Requests say they
 * come from the command line ({@link #CLIENT_HEADER}), which the audit trail records beside the token.
 */
public final class TokenCommand {

    static final String USAGE = """
            use: tokens list --url=<ingest URL> --token=<admin token>
                 tokens revoke <tokenId> --url=<ingest URL> --token=<admin token>
                 admin-token rotate --url=<ingest URL> --token=<admin token>""";
    /** The header by which ingest's audit trail tells the command line's changes from other clients'. */
    public static final String CLIENT_HEADER = "X-Poverty-Client";
    /** What the command line declares itself as. */
    public static final String CLI = "cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;
    private final PrintStream err;

    public TokenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code tokens ...} or {@code admin-token ...}.
     *
     * @return the exit status: 0 when done, 1 when the API does not answer, 2 when it refuses
     * @throws IllegalArgumentException for a wrong command line, with what is wrong
     */
    public int run(String command, List<String> arguments) throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        String action = null;
        String tokenId = null;
        for (String argument : arguments) {
            if (argument.startsWith("--url=") || argument.startsWith("--token=")) {
                String key = argument.substring(0, argument.indexOf('='));
                if (options.put(key, argument.substring(key.length() + 1)) != null) {
                    throw new IllegalArgumentException(key + " is given twice\n" + USAGE);
                }
            } else if (argument.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument '" + argument + "'\n" + USAGE);
            } else if (action == null) {
                action = argument;
            } else if (tokenId == null) {
                tokenId = argument;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'\n" + USAGE);
            }
        }
        String url = options.get("--url");
        String token = options.get("--token");
        if (action == null || url == null || url.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException(USAGE);
        }
        Api api = new Api(url, token);
        try {
            return switch (command + " " + action) {
                case "tokens list" -> list(api, tokenId);
                case "tokens revoke" -> revoke(api, tokenId);
                case "admin-token rotate" -> rotate(api, tokenId);
                default -> throw new IllegalArgumentException("unknown command '" + command + " " + action + "'\n" + USAGE);
            };
        } catch (ConnectException e) {
            err.println("error: the ingest API at " + url + " does not answer; nothing was changed");
            return 1;
        }
    }

    private int list(Api api, String extra) throws IOException, InterruptedException {
        noMore(extra);
        Answer answer = api.send("GET", "/api/v1/reviewers");
        if (!answer.ok()) {
            return refused(answer);
        }
        String format = "%-36s  %-8s  %-7s  %-24s  %-24s  %-24s  %-40s  %s%n";
        out.printf(Locale.ROOT, format, "token id", "role", "status", "created", "last used", "expires", "scope", "label");
        for (JsonNode token : answer.body().path("tokens")) {
            out.printf(Locale.ROOT, format, text(token, "tokenId"), text(token, "role"), text(token, "status"),
                    text(token, "createdAt"), text(token, "lastUsedAt"), text(token, "expiresAt"), text(token, "scope"),
                    text(token, "label"));
        }
        return 0;
    }

    private int revoke(Api api, String tokenId) throws IOException, InterruptedException {
        if (tokenId == null) {
            throw new IllegalArgumentException("name the token to revoke by its id (see 'tokens list')\n" + USAGE);
        }
        Answer answer = api.send("DELETE", "/api/v1/reviewers/" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8).replace("+", "%20"));
        if (!answer.ok()) {
            return refused(answer);
        }
        out.printf("Token %s (%s) revoked at %s: every ingest instance refuses it within seconds.%n", tokenId,
                text(answer.body(), "scope"), text(answer.body(), "revokedAt"));
        return 0;
    }

    private int rotate(Api api, String extra) throws IOException, InterruptedException {
        noMore(extra);
        Answer answer = api.send("POST", "/api/v1/admin-token/rotate");
        if (!answer.ok()) {
            return refused(answer);
        }
        out.println("The admin token was rotated; the one used for this command no longer works. The new admin token,");
        out.println("shown only this once:");
        out.println(answer.body().path("token").asText());
        return 0;
    }

    private static void noMore(String extra) {
        if (extra != null) {
            throw new IllegalArgumentException("unexpected argument '" + extra + "'\n" + USAGE);
        }
    }

    private int refused(Answer answer) {
        JsonNode body = answer.body();
        String rule = body.path("rule").asText("");
        err.println("error: the ingest API answered " + answer.status() + (rule.isEmpty() ? "" : " (" + rule + ")") + ": "
                + body.path("messageEn").asText(body.toString()));
        return 2;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    private record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The ingest API with the admin token. */
    private final class Api {

        private final String base;
        private final String token;

        Api(String url, String token) {
            this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            this.token = token;
        }

        Answer send(String method, String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en")
                    .header(CLIENT_HEADER, CLI)
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.createObjectNode().put("messageEn", "an answer that is not JSON");
            }
            return new Answer(response.statusCode(), body);
        }
    }
}
