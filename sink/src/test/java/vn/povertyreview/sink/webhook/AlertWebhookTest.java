package vn.povertyreview.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.sink.TargetGapAlertBuilder.anAlertOf;

import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.TargetGapAlertBuilder;

/** The webhook against a real broker and a local HTTP receiver that fails on demand. */
class AlertWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration FIRST_RETRY = Duration.ofMillis(20);
    private static final Duration LAST_RETRY = Duration.ofMillis(200);

    @TempDir
    static Path kafkaDir;

    static EmbeddedKafka kafka;
    static Admin admin;

    final ExecutorService webhookThreads = Executors.newCachedThreadPool();
    /** Status codes the receiver answers, in order; 200 once they are used up. */
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    String topic;
    String group;
    TopicPartition partition;
    HttpServer receiver;
    URI url;

    /** One request as the receiver saw it, with the group's committed offset at that moment (null: none). */
    record Received(String method, String idempotencyKey, String contentType, String body, Long committedBefore, int answer) {
    }

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(kafkaDir);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @BeforeEach
    void freshTopicAndReceiver() throws Exception {
        topic = "target-gap-alerts-" + UUID.randomUUID();
        group = "poverty-alert-webhook-" + UUID.randomUUID();
        partition = new TopicPartition(topic, 0);
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer scripted = answers.poll();
            int answer = scripted == null ? 200 : scripted;
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, committed(), answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts?token=secret");
    }

    @AfterEach
    void stop() throws InterruptedException {
        webhookThreads.shutdownNow();
        assertThat(webhookThreads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        receiver.stop(0);
    }

    @Test
    void retriesAnAlertUntilTheReceiverAcceptsItAndCommitsItsOffsetOnlyThen() throws Exception {
        TargetGapAlertBuilder alert = anAlertOf(2025, "15271");
        produce(true, alert);
        produce(false, anAlertOf(2025, "15274"));
        answers.addAll(List.of(500, 500));

        AlertWebhook webhook = webhook();
        Future<?> running = webhookThreads.submit(webhook);
        await().atMost(PATIENCE).until(() -> Long.valueOf(1).equals(committed()));
        webhook.close();
        running.get(10, TimeUnit.SECONDS);

        assertThat(received).extracting(Received::answer).containsExactly(500, 500, 200);
        assertThat(received).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.idempotencyKey()).isEqualTo(alert.alertId());
            assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(request.body()).isEqualTo(received.get(0).body());
            // Nothing is committed before the receiver accepted the alert.
            assertThat(request.committedBefore()).isNull();
        });
        JsonNode body = JSON.readTree(received.get(0).body());
        assertThat(body.path("alertId").asText()).isEqualTo("2025/15271/POVERTY_RATE/RATE_POINTS/2.0/AT_RISK");
        assertThat(body.path("unitCode").asText()).isEqualTo("15271");
        assertThat(body.path("unitName").asText()).isEqualTo("Xã Hà Trung");
        assertThat(body.path("parents").toString())
                .isEqualTo("[{\"code\":\"38\",\"name\":\"Tỉnh Thanh Hóa\"},{\"code\":\"VN\",\"name\":\"Việt Nam\"}]");
        assertThat(body.path("reviewYear").asInt()).isEqualTo(2025);
        assertThat(body.path("measure").asText()).isEqualTo("POVERTY_RATE");
        assertThat(body.path("kind").asText()).isEqualTo("RATE_POINTS");
        assertThat(body.path("value").textValue()).isEqualTo("2.0");
        assertThat(body.path("status").asText()).isEqualTo("AT_RISK");
        assertThat(body.path("previousStatus").asText()).isEqualTo("ON_TRACK");
        assertThat(body.path("yearClosed").asBoolean()).isFalse();
        assertThat(body.path("gapHouseholds").asLong()).isEqualTo(7);
        assertThat(body.path("gapPoints").textValue()).isEqualTo("0.55");
        assertThat(body.path("completionPercent").textValue()).isEqualTo("12.50");
        assertThat(body.path("messageVi").asText())
                .isEqualTo("Xã Hà Trung có nguy cơ không đạt chỉ tiêu giảm 2,0 điểm % tỷ lệ hộ nghèo năm 2025 \"cảnh báo\"");
        assertThat(body.path("messageEn").asText()).isEqualTo("Commune Hà Trung is at risk of missing its 2025 target");
        assertThat(body.path("raisedAt").asText()).isEqualTo("2025-11-03T02:00:01.500Z");
        assertThat(webhook.delivered()).isOne();
        assertThat(webhook.failedAttempts()).isEqualTo(2);

        // The committed offset holds: a new webhook of the group sends only the next alert.
        TargetGapAlertBuilder next = anAlertOf(2025, "15271").status(TargetStatusKind.MISSED, TargetStatusKind.AT_RISK);
        produce(true, next);
        AlertWebhook resumed = webhook();
        Future<?> runningAgain = webhookThreads.submit(resumed);
        await().atMost(PATIENCE).until(() -> committed() != null && committed() >= 4L);
        resumed.close();
        runningAgain.get(10, TimeUnit.SECONDS);

        assertThat(received).hasSize(4);
        assertThat(received.get(3).idempotencyKey()).isEqualTo(next.alertId()).isNotEqualTo(alert.alertId());
        JsonNode missed = JSON.readTree(received.get(3).body());
        assertThat(missed.path("status").asText()).isEqualTo("MISSED");
        assertThat(missed.path("previousStatus").asText()).isEqualTo("AT_RISK");
    }

    @Test
    void anAlertNotYetAcceptedWhenTheWebhookClosesIsSentAgainByTheNextOne() throws Exception {
        TargetGapAlertBuilder alert = anAlertOf(2025, "15271").status(TargetStatusKind.AT_RISK, null);
        produce(true, alert);
        for (int i = 0; i < 1_000; i++) {
            answers.add(503);
        }

        AlertWebhook failing = webhook();
        Future<?> running = webhookThreads.submit(failing);
        await().atMost(PATIENCE).until(() -> failing.failedAttempts() >= 2);
        failing.close();
        running.get(10, TimeUnit.SECONDS);
        int attempts = received.size();
        assertThat(committed()).isNull();
        assertThat(failing.delivered()).isZero();

        answers.clear();
        AlertWebhook next = webhook();
        Future<?> runningAgain = webhookThreads.submit(next);
        await().atMost(PATIENCE).until(() -> Long.valueOf(1).equals(committed()));
        next.close();
        runningAgain.get(10, TimeUnit.SECONDS);

        assertThat(received.subList(attempts, received.size())).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo(alert.alertId());
            assertThat(request.answer()).isEqualTo(200);
            assertThat(JSON.readTree(request.body()).path("previousStatus").isNull()).isTrue();
        });
        assertThat(received).extracting(Received::idempotencyKey).containsOnly(alert.alertId());
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new AlertWebhook(kafka.bootstrapServers(), alerts(), URI.create("file:///tmp/alerts")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    private AlertWebhook webhook() {
        return new AlertWebhook(kafka.bootstrapServers(), group, alerts(), url, FIRST_RETRY, LAST_RETRY);
    }

    /** The test's alerts topic with the product's serdes. */
    private Topic<String, TargetGapAlert> alerts() {
        return new Topic<>(topic, Serdes.String(), AvroSerde.of(TargetGapAlert.class));
    }

    /** The group's committed offset on the topic's partition, null when it has none. */
    private Long committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(partition);
            return offset == null ? null : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    private void produce(boolean commit, TargetGapAlertBuilder... alerts) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alerts-" + UUID.randomUUID());
        try (KafkaProducer<String, TargetGapAlert> producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerde.of(TargetGapAlert.class).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (TargetGapAlertBuilder alert : alerts) {
                producer.send(new ProducerRecord<>(topic, alert.alertId(), alert.build()));
            }
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }
}
