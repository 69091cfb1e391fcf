package vn.povertyreview.ingest.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import vn.povertyreview.ingest.AdminTokenKeeper;
import vn.povertyreview.ingest.Health;
import vn.povertyreview.ingest.IngestService;
import vn.povertyreview.ingest.IngestSettings;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.schemas.Topics;

/** The real ingest service on a free loopback port, with its topics and a client for it. */
public final class RunningIngest implements AutoCloseable {

    public static final String ADMIN_TOKEN = "admin-token-used-only-in-tests";

    private final IngestService service;
    private final Topics topics;
    private final String bootstrapServers;

    private RunningIngest(IngestService service, Topics topics, String bootstrapServers) {
        this.service = service;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    /** Settings for a test instance: free port, unique instance id, short timeouts. */
    public static IngestSettings settings(String bootstrapServers, Topics topics) {
        return IngestSettings.defaults(bootstrapServers, sha256Hex(ADMIN_TOKEN))
                .withPort(0)
                .withTopics(topics)
                .withProducerPoolSize(2)
                .withInstanceId("test-" + UUID.randomUUID().toString().substring(0, 8))
                .withRequestTimeout(Duration.ofSeconds(3));
    }

    public static RunningIngest start(String bootstrapServers, Topics topics) {
        return start(settings(bootstrapServers, topics), Clock.systemUTC());
    }

    public static RunningIngest start(IngestSettings settings, Clock clock) {
        return new RunningIngest(IngestService.start(settings, clock), settings.topics(), settings.bootstrapServers());
    }

    /** An instance whose reports read and write this database. */
    public static RunningIngest start(String bootstrapServers, Topics topics, ReportDatabase reports) {
        IngestSettings settings = settings(bootstrapServers, topics);
        return new RunningIngest(IngestService.start(settings, Clock.systemUTC(), Health::up, AdminTokenKeeper.NONE, reports,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
                settings.topics(), settings.bootstrapServers());
    }

    public IngestService service() {
        return service;
    }

    public Topics topics() {
        return topics;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A client holding the admin token, reading Vietnamese (the default). */
    public IngestClient admin() {
        return new IngestClient(service.baseUri(), ADMIN_TOKEN, null);
    }

    /** Creates a reviewer token for the communes through the admin API, and returns its secret. */
    public String newReviewerToken(String... communes) {
        String list = String.join("\", \"", communes);
        HttpResult created = admin().post("/api/v1/reviewers", "application/json", "{\"communeCodes\": [\"" + list + "\"]}");
        if (created.status() != 201) {
            throw new IllegalStateException("no reviewer token: " + created);
        }
        return created.json().get("token").asText();
    }

    public IngestClient anonymous() {
        return new IngestClient(service.baseUri(), null, null);
    }

    @Override
    public void close() {
        service.close();
    }

    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
