package vn.povertyreview.sink.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.sink.targets.TargetJson;

/**
 * Posts target gap alerts to one webhook URL, each as JSON ({@link TargetJson#alert}) with the
 * header {@code Idempotency-Key: <alertId>}, so that the receiver can drop an alert it was sent
 * before. Redirects are not followed. Thread-safe.
 */
final class WebhookClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final HttpClient http;

    /** @throws IllegalArgumentException if the URL is not an absolute http or https URL */
    WebhookClient(URI url) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("the alert webhook URL must be an absolute http or https URL, not " + redacted(url));
        }
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The POST of the alert, the same at every attempt. */
    HttpRequest request(TargetGapAlert alert) {
        return HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.getAlertId())
                .POST(HttpRequest.BodyPublishers.ofString(TargetJson.alert(alert), StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Sends the request once.
     *
     * @return the receiver's answer, a 2xx
     * @throws Refused if the receiver answered otherwise
     * @throws IOException if there was no answer
     */
    int send(HttpRequest request) throws IOException, InterruptedException {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new Refused(status);
        }
        return status;
    }

    /** The URL without user info, query or fragment, which may hold secrets, for logs. */
    String redactedUrl() {
        return redacted(url);
    }

    private static String redacted(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    /** The receiver answered, but not with a 2xx: the alert is not delivered. */
    static final class Refused extends IOException {

        Refused(int status) {
            super("HTTP " + status);
        }

        /** The answer, such as {@code HTTP 503}, as a failed attempt's reason in the logs. */
        @Override
        public String toString() {
            return getMessage();
        }
    }
}
