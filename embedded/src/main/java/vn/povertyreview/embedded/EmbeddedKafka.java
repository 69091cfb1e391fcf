package vn.povertyreview.embedded;

import java.nio.file.Path;
import java.util.Objects;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker, in KRaft combined mode (broker and controller in one
 * node), running inside this JVM and listening on 127.0.0.1 only. Its log directory lives under
 * the given data directory and is formatted on first use only, so topics and records survive
 * {@link #stop()}/{@link #restart()} and a restart of the whole process. Transactions and
 * exactly-once Streams work against it.
 *
 * <p>For the one-command run mode and for integration tests. Thread-safe: the lifecycle methods
 * are synchronized.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int brokerPort, int controllerPort) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker on two ports that are free on the loopback interface. */
    public static EmbeddedKafka start(Path dataDir) {
        int brokerPort = LoopbackPorts.free();
        int controllerPort = LoopbackPorts.free();
        while (controllerPort == brokerPort) {
            controllerPort = LoopbackPorts.free();
        }
        return start(dataDir, brokerPort, controllerPort);
    }

    /** Starts a broker with its clients' port and its controller's port on 127.0.0.1. */
    public static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("the broker and the controller need two ports, not both " + brokerPort);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kraft-combined-logs"), brokerPort, controllerPort);
        kafka.startServer();
        return kafka;
    }

    /** The address clients connect to, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Shuts the broker down gracefully; its data and ports stay reserved for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts the broker again on the same ports and data; stops it first if it is running. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker if it is running. */
    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        long started = System.nanoTime();
        KafkaStorage.formatIfNeeded(logDir);
        KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.singleNode(logDir, brokerPort, controllerPort), false);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            // A half-started server still holds threads and maybe a port: release them before giving up.
            starting.shutdown();
            starting.awaitShutdown();
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not start: " + e.getMessage(), e);
        }
        server = starting;
        LOG.info("Kafka broker started on {} (controller on 127.0.0.1:{}) in {} ms",
                bootstrapServers(), controllerPort, (System.nanoTime() - started) / 1_000_000);
    }
}
