package vn.povertyreview.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client of the running service, as a reviewer's tool would be. Immutable: the
 * {@code as}/{@code inLanguage} methods return new clients.
 */
public final class IngestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final String language;

    public IngestClient(URI base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    public IngestClient as(String bearerToken) {
        return new IngestClient(base, bearerToken, language);
    }

    public IngestClient inLanguage(String acceptLanguage) {
        return new IngestClient(base, token, acceptLanguage);
    }

    public HttpResult post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResult post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResult put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResult delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResult get(String path) {
        return send(request(path).GET());
    }

    /** Sends a prepared request, for cases the helpers above do not cover. */
    public HttpResult send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new HttpResult(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request whose answer is a file (a workbook), keeping its bytes as they came. */
    public HttpResponse<byte[]> download(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request;
    }
}
