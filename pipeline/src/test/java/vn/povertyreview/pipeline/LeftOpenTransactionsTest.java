package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedKafka;

/**
 * A transaction a replaced stream thread left open is aborted when the instance starts again, not
 * when the broker times it out: read-committed readers (a restore, the sink) get past it at once.
 */
class LeftOpenTransactionsTest {

    private static final String APPLICATION = "poverty-rollups";

    @TempDir
    Path kafkaDir;
    @TempDir
    Path stateDir;

    @Test
    void theTransactionsOfThreadNumbersBeyondTheConfiguredOnesAreAborted() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(kafkaDir)) {
            String processId = UUID.randomUUID().toString();
            Files.createDirectories(stateDir.resolve(APPLICATION));
            Files.writeString(stateDir.resolve(APPLICATION).resolve(LeftOpenTransactions.PROCESS_FILE),
                    "{\"processId\":\"" + processId + "\"}");
            TopicPartition partition = new TopicPartition("unit-rollups", 0);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(partition.topic(), 1, (short) 1))).all().get();

                // The second thread of a one-thread instance (its first was replaced) dies mid-transaction.
                KafkaProducer<byte[], byte[]> replaced = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, APPLICATION + "-" + processId + "-2",
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 900_000), new ByteArraySerializer(), new ByteArraySerializer());
                replaced.initTransactions();
                replaced.beginTransaction();
                replaced.send(new ProducerRecord<>(partition.topic(), new byte[] {1})).get();
                assertThat(stableEnd(admin, partition)).as("a read-committed reader is held before the open transaction").isZero();

                LeftOpenTransactions.abortLeftBy(stateDir, APPLICATION, 1, kafka.bootstrapServers());

                await().atMost(Duration.ofSeconds(10)).until(() -> stableEnd(admin, partition) == 2); // the record and the abort marker
                replaced.close(Duration.ZERO);
            }
        }
    }

    @Test
    void anInstanceThatNeverRanMakesNoProducer() {
        // No process id, so nothing to fence: with no broker there, a producer would wait 15 s.
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> LeftOpenTransactions.abortLeftBy(stateDir, APPLICATION, 2, "127.0.0.1:1"));
    }

    private static long stableEnd(Admin admin, TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get().offset();
    }
}
