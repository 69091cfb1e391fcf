package vn.povertyreview.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaTest {

    @TempDir
    static Path dataDir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void advertisesItselfOnTheLoopbackAddress() throws Exception {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::host).containsExactly("127.0.0.1");
        }
    }

    @Test
    void acceptsNoConnectionOnOtherInterfaces() throws SocketException {
        Optional<InetAddress> otherAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeThat(otherAddress).as("a non-loopback IPv4 address on this machine").isPresent();
        int port = Integer.parseInt(kafka.bootstrapServers().substring("127.0.0.1:".length()));

        assertThat(connects(new InetSocketAddress(otherAddress.get(), port))).isFalse();
        assertThat(connects(new InetSocketAddress("127.0.0.1", port))).isTrue();
    }

    @Test
    void readCommittedConsumerSeesCommittedRecordsButNotAbortedOnes() throws Exception {
        String topic = newTopic();
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "38", "Thanh Hóa"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "39", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "15271", "Thị trấn Hà Trung"));
            producer.commitTransaction();
        }

        assertThat(readAll(topic, 2)).containsExactly("Thanh Hóa", "Thị trấn Hà Trung");
    }

    @Test
    void keepsTopicsAndRecordsAcrossStopAndRestart() throws Exception {
        String topic = newTopic();
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "15271", "Thị trấn Hà Trung"));
            producer.commitTransaction();
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();
        assertThat(kafka.isRunning()).isTrue();

        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
        assertThat(readAll(topic, 1)).containsExactly("Thị trấn Hà Trung");
    }

    @Test
    void brokerLogsReachTheSlf4jBackend() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        Logger brokerLogs = (Logger) LoggerFactory.getLogger("kafka");
        Level configured = brokerLogs.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        brokerLogs.addAppender(captured);
        brokerLogs.setLevel(Level.INFO);
        brokerLogs.setAdditive(false);
        try {
            kafka.restart();
        } finally {
            brokerLogs.setAdditive(true);
            brokerLogs.setLevel(configured);
            brokerLogs.detachAppender(captured);
        }

        assertThat(captured.list).isNotEmpty();
        assertThat(kafka.isRunning()).isTrue();
    }

    private static String newTopic() throws ExecutionException, InterruptedException {
        String topic = "test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static List<String> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // One more poll shows that nothing else (an aborted record) follows.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
