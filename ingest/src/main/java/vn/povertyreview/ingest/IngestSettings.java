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
        Duration requestTimeout) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 64 MiB: about 200,000 CSV rows, a whole province's review in one upload. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECORDS = 200_000;
    public static final int DEFAULT_PRODUCER_POOL_SIZE = 4;
    public static final String DEFAULT_INSTANCE_ID = "ingest-0";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

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
    }

    /** Settings with every default: loopback, port 8080, 64 MiB, 200,000 records, default topic names. */
    public static IngestSettings defaults(String bootstrapServers, String adminTokenSha256) {
        return new IngestSettings(DEFAULT_BIND_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RECORDS,
                adminTokenSha256, bootstrapServers, Topics.withDefaultNames(), DEFAULT_PRODUCER_POOL_SIZE,
                DEFAULT_INSTANCE_ID, DEFAULT_REQUEST_TIMEOUT);
    }

    public IngestSettings withBindHost(String value) {
        return new IngestSettings(value, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout);
    }

    public IngestSettings withPort(int value) {
        return new IngestSettings(bindHost, value, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout);
    }

    public IngestSettings withMaxBodyBytes(long value) {
        return new IngestSettings(bindHost, port, value, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout);
    }

    public IngestSettings withMaxRecords(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, value, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, requestTimeout);
    }

    public IngestSettings withTopics(Topics value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, value,
                producerPoolSize, instanceId, requestTimeout);
    }

    public IngestSettings withProducerPoolSize(int value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                value, instanceId, requestTimeout);
    }

    public IngestSettings withInstanceId(String value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, value, requestTimeout);
    }

    public IngestSettings withRequestTimeout(Duration value) {
        return new IngestSettings(bindHost, port, maxBodyBytes, maxRecords, adminTokenSha256, bootstrapServers, topics,
                producerPoolSize, instanceId, value);
    }

    private static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("ingest setting " + setting + " " + problem);
        }
    }
}
