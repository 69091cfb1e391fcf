package vn.povertyreview.pipeline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.ReviewJson;

/**
 * Submits reviews to the ingest API as a reviewer's tool would: JSON arrays with a bearer token.
 * Thread-safe.
 */
public final class ReviewClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    public ReviewClient(String baseUrl, String token) {
        this(baseUrl, token, DEFAULT_TIMEOUT);
    }

    /** A client that gives up on an answer after {@code timeout}, as an uploader that retries does. */
    public ReviewClient(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
    }

    /** The outcome of one upload: the HTTP status and the response body. */
    public record Answer(int status, JsonNode body) {
    }

    public Answer submit(List<Review> reviews) throws IOException, InterruptedException {
        List<Map<String, Object>> records = new ArrayList<>(reviews.size());
        for (Review review : reviews) {
            records.add(ReviewJson.fields(review));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/reviews"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(records)))
                .build();
        return send(request);
    }

    public Answer withdraw(int reviewYear, String householdId, String communeCode) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/reviews/" + reviewYear + "/"
                        + URLEncoder.encode(householdId, StandardCharsets.UTF_8) + "?communeCode=" + communeCode))
                .header("Authorization", "Bearer " + token)
                .timeout(timeout)
                .DELETE()
                .build();
        return send(request);
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }
}
