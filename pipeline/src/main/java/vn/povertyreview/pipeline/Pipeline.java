package vn.povertyreview.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.AdminTokenKeeper;
import vn.povertyreview.ingest.Health;
import vn.povertyreview.ingest.IngestService;
import vn.povertyreview.ingest.IngestSettings;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.sink.RollupSink;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkMetrics;
import vn.povertyreview.sink.SinkSettings;
import vn.povertyreview.sink.webhook.AlertWebhook;
import vn.povertyreview.streams.RollupOptions;
import vn.povertyreview.streams.RollupStreamsConfig;

/**
 * Starts the services one run asks for, in dependency order, and stops them in reverse. Kafka and
 * PostgreSQL are embedded unless their addresses are configured; the embedded ones keep their data
 * in the data directory, so a restart carries on where the last run stopped.
 */
public final class Pipeline implements AutoCloseable {

    /** The database the embedded PostgreSQL serves to analysts. */
    public static final String DATABASE = "poverty";

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofMinutes(5);
    /** Database connections beyond one per sink writer. */
    private static final int SPARE_CONNECTIONS = 2;
    /**
     * The reports' own connections, so that a report being read never holds up a sink writer: two for
     * reports and dashboard pages, one held by the dashboard's alert listener.
     */
    private static final int REPORT_CONNECTIONS = 3;

    private final Settings settings;
    private final Topics topics;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final ProcessMetrics metrics = new ProcessMetrics();
    private String bootstrapServers;
    private String jdbcUrl;
    private DataSource dataSource;
    // Read by ingest's health checks while start() is still filling them in.
    private volatile IngestService ingest;
    /** Connected once the database's schema is up to date; ingest answers its reports 503 until then. */
    private final ReportDatabase reports = new ReportDatabase();
    private volatile StreamsService streams;
    private final List<RollupSink> sinks = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile Role role = Role.ALL;
    // Replaced from a request thread when the admin token is rotated.
    private volatile String adminToken;

    public Pipeline(Settings settings) {
        this.settings = settings;
        this.topics = Topics.named(settings.get(Setting.TOPIC_HOUSEHOLD_REVIEWS), settings.get(Setting.TOPIC_REJECTED_REVIEWS),
                settings.get(Setting.TOPIC_UNIT_ROLLUPS), settings.get(Setting.TOPIC_ADMIN_UNITS),
                settings.get(Setting.TOPIC_REVIEWER_TOKENS), settings.get(Setting.TOPIC_CLASSIFICATION_DISAGREEMENTS),
                settings.get(Setting.TOPIC_REDUCTION_TARGETS), settings.get(Setting.TOPIC_REVIEW_YEAR_CLOSURES),
                settings.get(Setting.TOPIC_TARGET_STATUSES), settings.get(Setting.TOPIC_TARGET_GAP_ALERTS),
                settings.get(Setting.TOPIC_REVIEWER_TOKEN_USES), settings.get(Setting.TOPIC_AUDIT_EVENTS));
    }

    /** Which services a run starts. */
    /**
     * What a run serves: everything, one service, or (BROKER, DATABASE) only the embedded broker
     * with the product's topics, or only the embedded PostgreSQL, as processes of their own that the
     * services reach through {@code kafka.bootstrap.servers} and {@code db.url}.
     */
    public enum Role {
        ALL, INGEST, STREAMS, SINK, BROKER, DATABASE
    }

    public Pipeline start(Role role, PrintStream out) throws Exception {
        this.role = role;
        boolean all = role == Role.ALL;
        boolean needsKafka = role != Role.DATABASE;
        boolean needsDatabase = all || role == Role.SINK || role == Role.DATABASE;
        boolean serviceSteps = role != Role.BROKER && role != Role.DATABASE;
        if ((role == Role.BROKER && settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS))
                || (role == Role.DATABASE && settings.isSet(Setting.DB_URL))) {
            throw new IllegalArgumentException("'" + role.name().toLowerCase(Locale.ROOT)
                    + "' runs the embedded server; unset " + (role == Role.BROKER ? "kafka.bootstrap.servers" : "db.url"));
        }
        // Building the topology takes seconds (the maps, Streams' classes): it is done while the
        // broker is reached and the topics checked, and a restarted streams service is back sooner.
        CompletableFuture<Topology> topology = all || role == Role.STREAMS
                ? CompletableFuture.supplyAsync(() -> StreamsService.topology(topics, rollupOptions())) : null;
        Progress progress = new Progress(out, (needsKafka ? 2 : 0) + (needsDatabase ? 1 : 0) + (all ? 3 : serviceSteps ? 1 : 0));
        Path dataDir = settings.dataDir();

        if (needsKafka) {
            bootstrapServers = progress.step(settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)
                    ? "Kafka at " + settings.get(Setting.KAFKA_BOOTSTRAP_SERVERS)
                    : "Embedded Kafka broker (data in " + dataDir.resolve("kafka") + ")", this::kafka);
            progress.step("Topics", () -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                    var created = TopicSetup.ensure(admin, topics, settings.getInt(Setting.KAFKA_TOPIC_PARTITIONS),
                            (short) settings.getInt(Setting.KAFKA_REPLICATION_FACTOR));
                    LOG.info("Created topics {}", created);
                }
                return null;
            });
        }
        // Ingest needs only Kafka: it takes uploads while the database, the sink and Streams start,
        // and after a crash it is back as soon as the broker is.
        if (all || role == Role.INGEST) {
            progress.step("Ingest API", () -> {
                IngestSettings ingestSettings = ingestSettings(dataDir);
                // A token this run keeps in the data directory is replaced there when it is rotated.
                AdminTokenKeeper keeper = adminToken == null ? AdminTokenKeeper.NONE : rotated -> {
                    AdminToken.replace(dataDir, rotated);
                    adminToken = rotated;
                };
                ingest = IngestService.start(ingestSettings, Clock.systemUTC(), this::servicesBesideIngest, keeper, reports,
                        metrics.registry());
                running.push(ingest);
                if (role == Role.INGEST && settings.isSet(Setting.DB_URL)) {
                    // An ingest of its own reads the reports from the database the sink writes (and migrates).
                    connectReports(database());
                }
                return null;
            });
        }
        if (needsDatabase) {
            dataSource = progress.step(settings.isSet(Setting.DB_URL) ? "PostgreSQL at " + settings.get(Setting.DB_URL)
                    : "Embedded PostgreSQL (data in " + dataDir.resolve("postgres") + ")", this::database);
        }
        if (all || role == Role.SINK) {
            progress.step("Sink: database schema and rollup writer", () -> {
                int writers = settings.getInt(Setting.SINK_WRITERS);
                if (writers < 1) {
                    throw new IllegalArgumentException(Setting.SINK_WRITERS.key() + " must be at least 1, got " + writers);
                }
                // One connection per writer, and room for the alert webhook's and Flyway's.
                HikariDataSource connections = SinkDatabase.pooled(dataSource, writers + SPARE_CONNECTIONS);
                running.push(connections);
                Jdbi jdbi = SinkDatabase.open(connections);
                if (all) {
                    connectReports(dataSource);
                }
                SinkSettings sinkSettings = new SinkSettings(bootstrapServers, settings.get(Setting.SINK_GROUP_ID),
                        topics.unitRollups().name(), topics.classificationDisagreements().name(),
                        topics.targetStatuses().name(), topics.targetGapAlerts().name(), topics.auditEvents().name(),
                        SinkSettings.DEFAULT_POLL_TIMEOUT, SinkSettings.DEFAULT_MAX_POLL_RECORDS);
                SinkMetrics sinkMetrics = new SinkMetrics(metrics.registry(), sinkSettings);
                // Writers of one group share the partitions; each stores its partitions' offsets with its rows.
                for (int writer = 0; writer < writers; writer++) {
                    RollupSink sink = new RollupSink(sinkSettings, jdbi, settings.get(Setting.SINK_INSTANCE_ID) + "-writer-" + writer,
                            sinkMetrics);
                    new Thread(sink, "rollup-sink-" + writer).start();
                    sinks.add(sink);
                    running.push(sink);
                }
                String webhookUrl = settings.get(Setting.SINK_ALERT_WEBHOOK_URL);
                if (!webhookUrl.isBlank()) {
                    AlertWebhook webhook = new AlertWebhook(bootstrapServers, topics.targetGapAlerts(), URI.create(webhookUrl));
                    new Thread(webhook, "alert-webhook").start();
                    running.push(webhook);
                }
                return null;
            });
        }
        if (topology != null) {
            progress.step("Streams: rollups (state in " + dataDir.resolve("streams") + ")", () -> {
                streams = new StreamsService(new RollupStreamsConfig(settings.get(Setting.STREAMS_APPLICATION_ID),
                        bootstrapServers, dataDir.resolve("streams"), settings.getInt(Setting.STREAMS_THREADS),
                        settings.getInt(Setting.KAFKA_REPLICATION_FACTOR), settings.get(Setting.STREAMS_INSTANCE_ID)),
                        topics, rollupOptions(), built(topology), metrics.registry());
                running.push(streams);
                streams.start(STREAMS_START_TIMEOUT);
                return null;
            });
        }
        started = true;
        return this;
    }

    private void connectReports(DataSource database) {
        HikariDataSource connections = SinkDatabase.pooled(database, REPORT_CONNECTIONS);
        running.push(connections);
        reports.connect(SinkDatabase.jdbi(connections));
    }

    private String kafka() {
        if (settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
            return settings.get(Setting.KAFKA_BOOTSTRAP_SERVERS);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"),
                settings.getInt(Setting.KAFKA_EMBEDDED_PORT), settings.getInt(Setting.KAFKA_EMBEDDED_CONTROLLER_PORT));
        running.push(kafka);
        return kafka.bootstrapServers();
    }

    private DataSource database() {
        if (settings.isSet(Setting.DB_URL)) {
            jdbcUrl = settings.get(Setting.DB_URL);
            PGSimpleDataSource external = new PGSimpleDataSource();
            external.setUrl(jdbcUrl);
            external.setUser(settings.get(Setting.DB_USER));
            external.setPassword(settings.get(Setting.DB_PASSWORD));
            return external;
        }
        // Durable: the embedded run mode promises that data survives a crash.
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"),
                settings.getInt(Setting.DB_EMBEDDED_PORT), true);
        running.push(postgres);
        postgres.createDatabaseIfMissing(DATABASE);
        jdbcUrl = postgres.jdbcUrl(DATABASE) + "?user=" + postgres.user();
        return postgres.dataSource(DATABASE);
    }

    private IngestSettings ingestSettings(Path dataDir) {
        String tokenHash = settings.get(Setting.INGEST_ADMIN_TOKEN_SHA256);
        if (tokenHash.isBlank()) {
            if (settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
                throw new IllegalArgumentException(Setting.INGEST_ADMIN_TOKEN_SHA256.key() + " ("
                        + Setting.INGEST_ADMIN_TOKEN_SHA256.environmentVariable()
                        + ") must be set when the ingest API runs against an external Kafka");
            }
            adminToken = AdminToken.loadOrCreate(dataDir);
            tokenHash = AdminToken.sha256Hex(adminToken);
        }
        return IngestSettings.defaults(bootstrapServers, tokenHash)
                .withBindHost(settings.get(Setting.INGEST_HOST))
                .withPort(settings.getInt(Setting.INGEST_PORT))
                .withMaxBodyBytes(settings.getLong(Setting.INGEST_MAX_BODY_BYTES))
                .withMaxRecords(settings.getInt(Setting.INGEST_MAX_RECORDS))
                .withReviewerRequestsPerMinute(settings.getInt(Setting.INGEST_REVIEWER_REQUESTS_PER_MINUTE))
                .withAdminRequestsPerMinute(settings.getInt(Setting.INGEST_ADMIN_REQUESTS_PER_MINUTE))
                .withInstanceId(settings.get(Setting.INGEST_INSTANCE_ID))
                .withTopics(topics);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The JDBC URL analysts connect to, when this run writes the database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The ingest API's base URL, when this run serves it. */
    public String ingestUrl() {
        return ingest == null ? null : "http://" + settings.get(Setting.INGEST_HOST) + ":" + ingest.port();
    }

    /** The admin token, when this run made or read it from the data directory (the rotated one after a rotation). */
    public String adminToken() {
        return adminToken;
    }

    /**
     * The meters of every service this run serves and of the JVM, in the Prometheus text format:
     * what each {@code /metrics} of this process answers.
     */
    public String metrics() {
        return metrics.scrape();
    }

    /** The health of every service this run serves, ingest's included when it serves the API. */
    public Health health() {
        Health health = servicesBesideIngest();
        if (ingest != null) {
            health = health.and(ingest.health());
        }
        return health;
    }

    private RollupOptions rollupOptions() {
        return new RollupOptions(Duration.ofMillis(settings.getLong(Setting.STREAMS_FLUSH_INTERVAL_MS)),
                Duration.ofMillis(settings.getLong(Setting.STREAMS_FRESHNESS_BUDGET_MS)), RollupOptions.DEFAULT_MAX_PENDING_UNITS);
    }

    /** The topology built in the background, or what stopped its building. */
    private static Topology built(CompletableFuture<Topology> topology) {
        try {
            return topology.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** What a service still starting cannot do yet, in the words of its health. */
    private String startingReason() {
        return switch (role) {
            case ALL -> "starting: uploads are taken, the database, the sink and Streams are still starting";
            case STREAMS -> "starting: Streams is joining its group and restoring its state, so rollups come late";
            case SINK -> "starting: the sink is connecting to PostgreSQL and Kafka, so rollups are written late";
            case INGEST -> "starting: the ingest API is not listening yet";
            case BROKER -> "starting: the Kafka broker is not taking records yet";
            case DATABASE -> "starting: PostgreSQL is not taking connections yet";
        };
    }

    /** Streams and the sink writers: what ingest's own /health reports beside its own state. */
    private Health servicesBesideIngest() {
        Health health = started ? Health.up() : Health.degraded(startingReason());
        health = streams == null ? health : health.and(streams.health());
        Duration tolerated = Duration.ofSeconds(settings.getLong(Setting.SINK_HEALTH_WRITE_FAILURE_SECONDS));
        for (RollupSink sink : sinks) {
            if (!sink.isRunning()) {
                health = health.and(Health.down("sink: a writer has stopped, so rollups are not written to PostgreSQL"));
                continue;
            }
            Optional<Instant> failing = sink.failingSince();
            if (failing.isPresent() && Duration.between(failing.get(), Instant.now()).compareTo(tolerated) > 0) {
                health = health.and(Health.down("sink: cannot write to PostgreSQL since " + failing.get()
                        + ", so new figures are not visible to analysts"));
            }
        }
        return health;
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable service = running.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}", service.getClass().getSimpleName(), e);
            }
        }
        metrics.close();
    }
}
