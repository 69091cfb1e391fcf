package vn.povertyreview.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.pipeline.TopicSetup;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkSettings;
import vn.povertyreview.streams.RollupOptions;
import vn.povertyreview.streams.RollupStreamsConfig;
import vn.povertyreview.streams.RollupTopology;

/**
 * The real pipeline, assembled as the launcher assembles it but under the harness's control: an
 * embedded Kafka broker and an embedded PostgreSQL on free loopback ports with their data in one
 * directory, the product's topics, the rollup topology in a {@link KafkaStreams} instance, and
 * rollup sinks started and stopped on demand. Closing stops everything in reverse order.
 *
 * <p>Not thread-safe: driven by the benchmark's one thread.
 */
final class PipelineRig implements AutoCloseable {

    /** The database the launcher gives the sink. */
    static final String DATABASE = "poverty";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRig.class);
    private static final short REPLICATION = 1;
    /** Connections beyond one per sink writer, for the harness's own reads. */
    private static final int SPARE_CONNECTIONS = 4;

    private final BenchmarkOptions options;
    private final Path dataDir;
    private final Topics topics;
    private final AdminMaps maps;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private EmbeddedKafka kafka;
    private Admin admin;
    private Jdbi jdbi;
    private TopicOffsets offsets;
    private UnreadRecords unread;
    private NationWatcher nation;
    private final List<KafkaStreams> instances = new ArrayList<>();
    private final Set<KafkaStreams> stopped = new HashSet<>();

    private PipelineRig(BenchmarkOptions options, Path dataDir, Topics topics, AdminMaps maps) {
        this.options = options;
        this.dataDir = dataDir;
        this.topics = topics;
        this.maps = maps;
    }

    /** Starts Kafka, creates the topics, starts PostgreSQL and migrates the sink's schema. */
    static PipelineRig start(BenchmarkOptions options, Path dataDir, Topics topics, AdminMaps maps) throws Exception {
        PipelineRig rig = new PipelineRig(options, dataDir, topics, maps);
        try {
            rig.startServers();
            return rig;
        } catch (Exception | Error e) {
            rig.close();
            throw e;
        }
    }

    private void startServers() throws Exception {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
        running.push(kafka);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        running.push(admin);
        TopicSetup.ensure(admin, topics, options.partitions(), REPLICATION);
        offsets = new TopicOffsets(admin);

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), options.durable());
        running.push(postgres);
        postgres.createDatabaseIfMissing(DATABASE);
        HikariDataSource connections = SinkDatabase.pooled(postgres.dataSource(DATABASE), options.sinkWriters() + SPARE_CONNECTIONS);
        running.push(connections);
        jdbi = SinkDatabase.open(connections);

        unread = new UnreadRecords(kafka.bootstrapServers());
        running.push(unread);
        nation = new NationWatcher(kafka.bootstrapServers(), topics.unitRollups(), options.partitions(),
                WorkloadBuilder.FINAL_YEAR).start();
        running.push(nation);
    }

    /**
     * Starts the rollup application, as {@code --instances} instances of {@code --threads} threads
     * each with one application id (each its own state directory, as on separate machines), and
     * waits until all run.
     */
    void startStreams(Duration timeout) throws InterruptedException {
        RollupOptions rollupOptions = new RollupOptions(Duration.ofMillis(options.flushMs()),
                Duration.ofMillis(options.budgetMs()), RollupOptions.DEFAULT_MAX_PENDING_UNITS);
        CountDownLatch runningLatch = new CountDownLatch(options.instances());
        running.push(this::stopStreams);
        for (int instance = 0; instance < options.instances(); instance++) {
            RollupStreamsConfig config = new RollupStreamsConfig(applicationId(), kafka.bootstrapServers(),
                    streamsStateDir().resolve("instance-" + instance), options.threads(), REPLICATION);
            Properties properties = config.properties(topics, rollupOptions);
            if (options.commitMs() > 0) {
                properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.commitMs());
            }
            KafkaStreams streams = new KafkaStreams(RollupTopology.build(topics, maps, PovertyStandards.official(),
                    AdminSuccession.official(maps), rollupOptions), properties);
            AtomicBoolean counted = new AtomicBoolean();
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && counted.compareAndSet(false, true)) {
                    runningLatch.countDown();
                }
            });
            // A benchmark must not carry on with a replaced thread: stop, and let the wait fail naming the state.
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("A stream thread failed", e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            instances.add(streams);
            streams.start();
        }
        if (!runningLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the rollup application did not reach RUNNING within " + timeout + " (states "
                    + instances.stream().map(KafkaStreams::state).toList() + ")");
        }
    }

    /**
     * Stops one instance mid-run, leaving the group at once so that the others take over its tasks
     * (and restore its state from the changelogs) without waiting for a session timeout.
     */
    void stopInstance(int instance) {
        KafkaStreams streams = instances.get(instance);
        streams.close(CloseOptions.timeout(Duration.ofSeconds(60)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        stopped.add(streams);
    }

    /** Pauses or resumes processing in every running instance. */
    void pauseStreams(boolean pause) {
        for (KafkaStreams streams : running()) {
            if (pause) {
                streams.pause();
            } else {
                streams.resume();
            }
        }
    }

    /** How often the running instances have committed so far, and why. */
    StreamsCommits commits() {
        return StreamsCommits.of(running());
    }

    /** The state of an instance that should be running but is not, if any. */
    Optional<KafkaStreams.State> failedStreams() {
        return running().stream().map(KafkaStreams::state)
                .filter(state -> state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                        || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN)
                .findFirst();
    }

    private List<KafkaStreams> running() {
        return instances.stream().filter(streams -> !stopped.contains(streams)).toList();
    }

    /** Stops the rollup application, which flushes and checkpoints its state stores; idempotent. */
    void stopStreams() {
        for (KafkaStreams streams : running()) {
            streams.close(Duration.ofSeconds(60));
        }
    }

    /** A rollup sink with the launcher's settings, resuming from the offsets stored in PostgreSQL. */
    RunningSink startSink() {
        return new RunningSink(SinkSettings.defaults(kafka.bootstrapServers()).withTopic(topics.unitRollups().name())
                .withClassificationDisagreementsTopic(topics.classificationDisagreements().name())
                .withTargetStatusesTopic(topics.targetStatuses().name())
                .withTargetGapAlertsTopic(topics.targetGapAlerts().name()).withAuditEventsTopic(topics.auditEvents().name()),
                jdbi, options.sinkWriters());
    }

    /** Creates a topic of the harness's own with the product's partitions. */
    void createTopic(String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, options.partitions(), REPLICATION)))
                .all().get(60, TimeUnit.SECONDS);
    }

    /** Records on the rejected-reviews topic: generated reviews the rules refused, which should be none. */
    long rejectedReviews() {
        return TopicOffsets.distance(Map.of(), offsets.ends(topics.rejectedReviews().name(), IsolationLevel.READ_COMMITTED));
    }

    String applicationId() {
        return RollupStreamsConfig.DEFAULT_APPLICATION_ID;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Topics topics() {
        return topics;
    }

    TopicOffsets offsets() {
        return offsets;
    }

    UnreadRecords unreadRecords() {
        return unread;
    }

    NationWatcher nation() {
        return nation;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Path streamsStateDir() {
        return dataDir.resolve("streams");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
