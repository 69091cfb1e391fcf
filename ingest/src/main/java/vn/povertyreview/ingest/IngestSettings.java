package vn.povertyreview.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.povertyreview.schemas.Topics;

/**
 * Everything the ingest service needs to run, as one immutable value. A launcher builds it from
 * its own sources (environment, command line); this module reads no environment itself.
 *
 * <p>Every value is checked when the record is built, so a wrong setting fails at start-up with
 * the setting's name rather than later as a puzzling request failure.
 *
 * @param bindHost         interface the HTTP server listens on; loopback unless a deployment
 *                         deliberately exposes it
 * @param port             HTTP port; 0 picks a free one (see {@link IngestService#port()})
 * @param maxBodyBytes     largest request body accepted on {@code POST /api/v1/reviews}; larger
 *                         bodies get 413
 * @param maxRecords       most records accepted in one request; more get 413
 * @param adminTokenSha256 lower-case hex SHA-256 of the admin bearer token; the token itself is
 *                         never configured, stored or logged
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topics           the topic names and serdes
 * @param producerPoolSize how many transactional producers serve requests concurrently; each
 *                         runs one transaction at a time
 * @param instanceId       names this instance in transactional ids; must be unique among running
 *                         instances and stable across restarts of one instance, so that a
 *                         restarted instance fences its own unfinished transactions
 * @param requestTimeout   how long a request may wait on Kafka (a free producer, metadata, an
 *                         acknowledgement) before the client is told 503
 * @param reviewerRequestsPerMinute requests a reviewer token may make per minute on this instance
 *                         (429 beyond); 0 is unlimited
 * @param adminRequestsPerMinute requests the admin token may make per minute on this instance; 0,
 *                         the default, is unlimited: the admin's tools (the demo, imports, load
 *                         runs) send in bulk
 * @param tokenUsePublishInterval how often this instance publishes the last uses of tokens (so the
 *                         resolution of "last used" across instances)
 */
public record IngestSettings(
        String bindHost,
        int port,
        long maxBodyBytes,
        int maxRecords,
        String adminTokenSha256,
        String bootstrapServers,
        Topics topics,
        int producerPoolSize,
        String instanceId,
        Duration requestTimeout,
        int reviewerRequestsPerMinute,
        int adminRequestsPerMinute,
        Duration tokenUsePublishInterval) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 64 MiB: about 200,000 CSV rows, a whole province's review in one upload. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECORDS = 200_000;
    public static final int DEFAULT_PRODUCER_POOL_SIZE = 4;
    public static final String DEFAULT_INSTANCE_ID = "ingest-0";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Ten a second, after a first minute's worth at once: far above any reviewer's tool, far below a runaway loop. */
    public static final int DEFAULT_REVIEWER_REQUESTS_PER_MINUTE = 600;
    public static final int DEFAULT_ADMIN_REQUESTS_PER_MINUTE = 0;
    public static final Duration DEFAULT_TOKEN_USE_PUBLISH_INTERVAL = Duration.ofMinutes(1);
    /** Limits beyond this are a mistake (or meant as unlimited, which is 0). */
    static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Becomes part of a transactional id, so it is kept to characters every tool handles. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public IngestSettings {
        require(bindHost != null && !bindHost.isBlank(), "bindHost", "must not be empty");
        require(port >= 0 && port <= 65_535, "port", "must be between 0 and 65535, not " + port);
        require(maxBodyBytes > 0, "maxBodyBytes", "must be positive, not " + maxBodyBytes);
        require(maxRecords > 0, "maxRecords", "must be positive, not " + maxRecords);
        require(adminTokenSha256 != null, "adminTokenSha256", "must be set");
        adminTokenSha256 = adminTokenSha256.trim().toLowerCase(Locale.ROOT);
        require(SHA256_HEX.matcher(adminTokenSha256).matches(), "adminTokenSha256",
                "must be the 64 hex digits of a SHA-256 digest (never the token itself)");
        require(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrapServers", "must not be empty");
        Objects.requireNonNull(topics, "topics");
        require(producerPoolSize >= 1 && producerPoolSize <= 64, "producerPoolSize",
                "must be between 1 and 64, not " + producerPoolSize);
        require(instanceId != null && INSTANCE_ID.matcher(instanceId).matches(), "instanceId",
                "must be 1-100 characters of letters, digits and . _ -, not '" + instanceId + "'");
        require(requestTimeout != null && requestTimeout.toMillis() >= 500 && requestTimeout.compareTo(Duration.ofMinutes(5)) <= 0,
                "requestTimeout", "must be between 500 ms and 5 minutes, not " + requestTimeout);
        require(reviewerRequestsPerMinute >= 0 && reviewerRequestsPerMinute <= MAX_REQUESTS_PER_MINUTE,
                "reviewerRequestsPerMinute", "must be between 0 (unlimited) and " + MAX_REQUESTS_PER_MINUTE + ", not "
                        + reviewerRequestsPerMinute);
        require(adminRequestsPerMinute >= 0 && adminRequestsPerMinute <= MAX_REQUESTS_PER_MINUTE,
                "adminRequestsPerMinute", "must be between 0 (unlimited) and " + MAX_REQUESTS_PER_MINUTE + ", not "
                        + adminRequestsPerMinute);
        require(tokenUsePublishInterval != null && tokenUsePublishInterval.toMillis() >= 100
                && tokenUsePublishInterval.compareTo(Duration.ofHours(1)) <= 0,
                "tokenUsePublishInterval", "must be between 100 ms and 1 hour, not " + tokenUsePublishInterval);
    }

    /** Settings with every default: loopback, port 8080, 64 MiB, 200,000 records, default topic names. */
    public static IngestSettings defaults(String bootstrapServers, String adminTokenSha256) {
        return new IngestSettings(DEFAULT_BIND_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RECORDS,
                adminTokenSha256, bootstrapServers, Topics.withDefaultNames(), DEFAULT_PRODUCER_POOL_SIZE,
                DEFAULT_INSTANCE_ID, DEFAULT_REQUEST_TIMEOUT, DEFAULT_REVIEWER_REQUESTS_PER_MINUTE,
                DEFAULT_ADMIN_REQUESTS_PER_MINUTE, DEFAULT_TOKEN_USE_PUBLISH_INTERVAL);
    }

    public IngestSettings withBindHost(String value) {
        return new IngestSettings(value, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics, producerPoolSize,
                instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withPort(int value) {
        return new IngestSettings(bindHost, value, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withMaxBodyBytes(long value) {
        return new IngestSettings(bindHost, port, value, maxRecords, adminTokenSha256, bootstrapServers, topics, producerPoolSize,
                instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withMaxRecords(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, value, adminTokenSha256, bootstrapServers, topics, producerPoolSize,
                instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withTopics(Topics value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, value,
                producerPoolSize, instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withProducerPoolSize(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics, value,
                instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withInstanceId(String value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, value, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withRequestTimeout(Duration value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, value, reviewerRequestsPerMinute, adminRequestsPerMinute,
                tokenUsePublishInterval);
    }

    public IngestSettings withReviewerRequestsPerMinute(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout, value, adminRequestsPerMinute, tokenUsePublishInterval);
    }

    public IngestSettings withAdminRequestsPerMinute(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout, reviewerRequestsPerMinute, value,
                tokenUsePublishInterval);
    }

    public IngestSettings withTokenUsePublishInterval(Duration value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout, reviewerRequestsPerMinute, adminRequestsPerMinute,
                value);
    }

    private static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("ingest setting " + setting + " " + problem);
        }
    }
}
