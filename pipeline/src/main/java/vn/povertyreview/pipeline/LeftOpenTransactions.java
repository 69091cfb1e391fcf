package vn.povertyreview.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts the transactions that stream threads of an earlier run of this instance may have left
 * open, before Streams starts.
 *
 * <p>Under exactly-once each stream thread writes through a producer whose transactional id is
 * {@code <application id>-<process id>-<thread number>}, the process id being kept in the state
 * directory. A restarted thread's producer fences its predecessor of the same number and aborts
 * what it left open. But a thread that failed is replaced by one with the next number, so after a
 * crash the numbers the new run starts with may not be those that held transactions: such a
 * transaction stays open until the broker times it out (the freshness budget plus a minute), and
 * until then no read-committed reader, a restore included, gets past it. After a 60 s broker outage
 * replaced a thread, a kill -9 took 99.7 s to recover, 90 s of it a restore waiting for that.
 * Initialising a producer under each of the numbers beyond the configured threads aborts them at once.
 */
final class LeftOpenTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(LeftOpenTransactions.class);
    /** Where Streams keeps the instance's process id, under the application's state directory. */
    static final String PROCESS_FILE = "kafka-streams-process-metadata";
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(15);

    private LeftOpenTransactions() {
    }

    /**
     * Aborts what the thread numbers {@code threads + 1} to {@code 2 × threads + 1} of the last run
     * left open: a replaced thread takes the lowest free number, so a run's numbers stay within these.
     * Nothing to do when no earlier run left a process id.
     */
    static void abortLeftBy(Path stateDir, String applicationId, int threads, String bootstrapServers) {
        Optional<String> processId = processId(stateDir.resolve(applicationId).resolve(PROCESS_FILE));
        if (processId.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (int thread = threads + 1; thread <= 2 * threads + 1; thread++) {
            ids.add(applicationId + "-" + processId.get() + "-" + thread);
        }
        abort(ids, bootstrapServers);
    }

    /** Fences every transactional id given, at the same time, which aborts any transaction it has open. */
    static void abort(List<String> transactionalIds, String bootstrapServers) {
        ExecutorService fencing = Executors.newFixedThreadPool(transactionalIds.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String id : transactionalIds) {
                done.add(fencing.submit(() -> fence(id, bootstrapServers)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } catch (Exception e) {
            // Not fatal: the broker still aborts a left transaction once it times out.
            LOG.warn("Could not abort the transactions an earlier run may have left open: {}", e.toString());
        } finally {
            fencing.shutdownNow();
        }
    }

    private static void fence(String transactionalId, String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) INIT_TIMEOUT.toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "fence-" + transactionalId);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
        } catch (KafkaException e) {
            LOG.warn("Could not fence transactional id {}: {}", transactionalId, e.toString());
        }
    }

    private static Optional<String> processId(Path processFile) {
        if (!Files.exists(processFile)) {
            return Optional.empty();
        }
        try {
            JsonNode json = new ObjectMapper().readTree(processFile.toFile());
            return Optional.ofNullable(json.path("processId").textValue());
        } catch (IOException e) {
            LOG.warn("Cannot read the process id in {}: {}", processFile, e.toString());
            return Optional.empty();
        }
    }
}
