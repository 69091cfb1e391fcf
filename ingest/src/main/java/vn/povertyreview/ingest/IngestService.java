package vn.povertyreview.ingest;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.ingest.internal.auth.Authenticator;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenRateLimiter;
import vn.povertyreview.ingest.internal.auth.TokenUses;
import vn.povertyreview.ingest.internal.dashboard.AlertFeed;
import vn.povertyreview.ingest.internal.http.HealthHandler;
import vn.povertyreview.ingest.internal.http.IngestApp;
import vn.povertyreview.ingest.internal.http.ReportHandler;
import vn.povertyreview.ingest.internal.kafka.CompactedTopicFollower;
import vn.povertyreview.ingest.internal.kafka.KafkaClientSettings;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.kafka.TokenUsePublisher;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.Topic;

/**
 * The running ingest service: the HTTP API through which commune reviewers submit household
 * reviews and admins manage reviewer tokens, village names, reduction targets and review-year
 * closures, writing to Kafka; and where reports of the figures are fetched, from the sink's database.
 *
 * <p>{@link #start} reads every reviewer token (and the rotated admin token), the tokens' last uses,
 * every reduction target and review-year closure from Kafka (their compacted topics) before it
 * opens the HTTP port, and fails
 * if it cannot; once running, losing Kafka makes requests answer 503 (and {@code /health} report
 * DOWN) until Kafka is back, without a restart. {@link #close} stops the HTTP server first, publishes
 * the tokens' last uses, then closes the Kafka clients. The topics must exist; this service creates none.
 *
 * <p>Thread-safe.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Javalin app;
    private final ProducerPool producers;
    private final List<CompactedTopicFollower<?>> followers;
    private final TokenUsePublisher usePublisher;
    private final AlertFeed alerts;
    private final String host;

    private IngestService(Javalin app, ProducerPool producers, List<CompactedTopicFollower<?>> followers,
            TokenUsePublisher usePublisher, AlertFeed alerts, String host) {
        this.app = app;
        this.producers = producers;
        this.followers = followers;
        this.usePublisher = usePublisher;
        this.alerts = alerts;
        this.host = host;
    }

    /** Starts the service with the system clock. */
    public static IngestService start(IngestSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /**
     * Starts the service.
     *
     * @param clock what "now" is, for review times in the future and record timestamps
     * @throws IllegalStateException when the reviewer tokens, targets or closures cannot be read
     *         from Kafka, or the port cannot be bound
     */
    public static IngestService start(IngestSettings settings, Clock clock) {
        return start(settings, clock, Health::up);
    }

    /**
     * Starts the service, reporting on {@code /health} the health of the services run beside it too.
     *
     * @param others the health of the other services in this process, asked at every health check
     */
    public static IngestService start(IngestSettings settings, Clock clock, Supplier<Health> others) {
        return start(settings, clock, others, AdminTokenKeeper.NONE);
    }

    /**
     * Starts the service, handing a rotated admin token to the launcher that keeps it.
     *
     * @param keeper where the launcher keeps the admin token; {@link AdminTokenKeeper#NONE} when
     *               it configures only its hash
     */
    public static IngestService start(IngestSettings settings, Clock clock, Supplier<Health> others, AdminTokenKeeper keeper) {
        return start(settings, clock, others, keeper, new ReportDatabase(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Starts the service with the database its reports and expected counts read and write, which
     * the launcher may connect after the start, keeping its meters in the launcher's registry, which
     * {@code GET /metrics} then shows whole: the meters of the services run beside ingest too.
     *
     * @param reports the sink's database; while it is not connected, those endpoints answer 503
     */
    public static IngestService start(IngestSettings settings, Clock clock, Supplier<Health> others, AdminTokenKeeper keeper,
            ReportDatabase reports, PrometheusMeterRegistry metrics) {
        String prefix = "ingest-" + settings.instanceId();
        ProducerPool producers = new ProducerPool(
                transactionalId -> new KafkaProducer<>(KafkaClientSettings.producer(
                        settings.bootstrapServers(), transactionalId, settings.requestTimeout())),
                prefix, settings.producerPoolSize(), settings.requestTimeout());
        ReviewerTokens tokens = new ReviewerTokens();
        TokenUses uses = new TokenUses();
        KeyedView<ReductionTarget> targets = new KeyedView<>();
        KeyedView<ReviewYearClosure> closures = new KeyedView<>();
        KeyedView<AdminUnit> villages = new KeyedView<>();
        List<CompactedTopicFollower<?>> followers = List.of(
                follower(settings, prefix + "-tokens", settings.topics().reviewerTokens(), "reviewer tokens", tokens::apply),
                follower(settings, prefix + "-token-uses", settings.topics().reviewerTokenUses(), "token uses", uses::apply),
                follower(settings, prefix + "-targets", settings.topics().reductionTargets(), "reduction targets",
                        targets::apply),
                follower(settings, prefix + "-closures", settings.topics().reviewYearClosures(), "review-year closures",
                        closures::apply),
                follower(settings, prefix + "-villages", settings.topics().adminUnits(), "registered village names",
                        villages::apply));
        TokenUsePublisher usePublisher = null;
        UnitDirectory directory = new UnitDirectory(AdminMaps.official());
        AlertFeed alerts = new AlertFeed(reports,
                (scope, alert) -> ReportHandler.mayRead(scope, alert.reviewYear(), alert.unitCode(), directory));
        try {
            for (CompactedTopicFollower<?> follower : followers) {
                follower.start(settings.requestTimeout().multipliedBy(3));
            }
            producers.warmUp();
            Authenticator authenticator = new Authenticator(settings.adminTokenSha256(), tokens, clock);
            if (authenticator.configuredAdminRetired()) {
                LOG.info("The configured admin token was replaced by a rotation; the rotated admin token is in force");
            }
            TokenRateLimiter rateLimiter = new TokenRateLimiter(settings.reviewerRequestsPerMinute(),
                    settings.adminRequestsPerMinute());
            Javalin app = IngestApp.create(new IngestApp.Dependencies(AdminMaps.official(), settings.topics(), producers,
                    authenticator, tokens, uses, rateLimiter, keeper, targets, closures, villages, clock,
                    settings.maxBodyBytes(), settings.maxRecords(), others, reports, metrics, alerts));
            app.start(settings.bindHost(), settings.port());
            usePublisher = new TokenUsePublisher(uses, settings.topics().reviewerTokenUses(), producers,
                    settings.instanceId(), settings.tokenUsePublishInterval());
            IngestService service = new IngestService(app, producers, followers, usePublisher, alerts, settings.bindHost());
            LOG.info("Ingest {} listening on {}", settings.instanceId(), service.baseUri());
            return service;
        } catch (RuntimeException e) {
            alerts.close();
            if (usePublisher != null) {
                usePublisher.close();
            }
            followers.forEach(CompactedTopicFollower::close);
            producers.close();
            throw e;
        }
    }

    private static <V> CompactedTopicFollower<V> follower(IngestSettings settings, String clientId, Topic<String, V> topic,
            String what, BiConsumer<String, V> apply) {
        return new CompactedTopicFollower<>(new KafkaConsumer<>(KafkaClientSettings.topicReader(settings.bootstrapServers(),
                clientId, settings.requestTimeout())), topic, what, apply);
    }

    /** The port the HTTP server listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** Where clients reach the service, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port());
    }

    /** Ingest's own health, without the services beside it: DOWN while Kafka cannot take records. */
    public Health health() {
        return HealthHandler.of(producers);
    }

    /** Every HTTP route the service serves, as {@code "METHOD /path"}. */
    public List<String> routes() {
        return IngestApp.routes(app);
    }

    @Override
    public void close() {
        alerts.close();
        app.stop();
        usePublisher.close();
        followers.forEach(CompactedTopicFollower::close);
        producers.close();
    }
}
