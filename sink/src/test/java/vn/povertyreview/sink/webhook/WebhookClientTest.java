package vn.povertyreview.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.TargetGapAlertBuilder.anAlertOf;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.povertyreview.sink.TargetGapAlertBuilder;

/** One attempt against a local receiver that answers what the test says. */
class WebhookClientTest {

    final AtomicInteger answer = new AtomicInteger(200);
    HttpServer receiver;
    URI url;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (answer.get() / 100 == 3) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void returnsTheAnswerOfAReceiverThatAcceptsTheAlert() throws Exception {
        WebhookClient client = new WebhookClient(url);
        answer.set(204);

        assertThat(client.send(client.request(anAlertOf(2025, "15271").build()))).isEqualTo(204);
    }

    @Test
    void anAnswerOtherThan2xxIsARefusalNamedByItsStatus() {
        WebhookClient client = new WebhookClient(url);
        answer.set(503);

        assertThatThrownBy(() -> client.send(client.request(anAlertOf(2025, "15271").build())))
                .isInstanceOf(WebhookClient.Refused.class).hasToString("HTTP 503");
    }

    @Test
    void doesNotFollowARedirect() {
        WebhookClient client = new WebhookClient(url);
        answer.set(307);

        assertThatThrownBy(() -> client.send(client.request(anAlertOf(2025, "15271").build())))
                .isInstanceOf(WebhookClient.Refused.class).hasToString("HTTP 307");
    }

    @Test
    void logsTheUrlWithoutUserInfoQueryOrFragment() {
        WebhookClient client = new WebhookClient(URI.create("https://hook:s3cret@alerts.example.vn:8443/poverty/alerts?token=s3cret#top"));

        assertThat(client.redactedUrl()).isEqualTo("https://alerts.example.vn:8443/poverty/alerts");
    }
}
