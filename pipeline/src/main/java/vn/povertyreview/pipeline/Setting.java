package vn.povertyreview.pipeline;

import java.util.Locale;

/**
 * Every setting the services read, with its default and meaning. The environment variable of a
 * setting is its key in capitals with {@code POVERTY_} in front ({@code kafka.bootstrap.servers}
 * is {@code POVERTY_KAFKA_BOOTSTRAP_SERVERS}).
 */
public enum Setting {
    DATA_DIR("data.dir", "data", "Where the embedded broker, database, streams state and admin token live."),
    KAFKA_BOOTSTRAP_SERVERS("kafka.bootstrap.servers", "", "Kafka to use; empty starts the embedded broker."),
    KAFKA_EMBEDDED_PORT("kafka.embedded.port", "9092", "Port of the embedded broker (127.0.0.1 only)."),
    KAFKA_EMBEDDED_CONTROLLER_PORT("kafka.embedded.controller.port", "9093", "Controller port of the embedded broker."),
    KAFKA_TOPIC_PARTITIONS("kafka.topic.partitions", "6", "Partitions of topics the pipeline creates."),
    KAFKA_REPLICATION_FACTOR("kafka.replication.factor", "1", "Replication of topics the pipeline creates (3 in production)."),
    TOPIC_HOUSEHOLD_REVIEWS("topic.household-reviews", "household-reviews", "Topic of submitted reviews."),
    TOPIC_REJECTED_REVIEWS("topic.household-reviews-rejected", "household-reviews-rejected", "Topic of records that were not counted."),
    TOPIC_UNIT_ROLLUPS("topic.unit-rollups", "unit-rollups", "Compacted topic of per-unit rollups."),
    TOPIC_ADMIN_UNITS("topic.admin-units", "admin-units", "Compacted topic of registered village names."),
    TOPIC_REVIEWER_TOKENS("topic.reviewer-tokens", "reviewer-tokens", "Compacted topic of hashed access tokens."),
    TOPIC_REVIEWER_TOKEN_USES("topic.reviewer-token-uses", "reviewer-token-uses",
            "Compacted topic of when each ingest instance last accepted each token."),
    TOPIC_CLASSIFICATION_DISAGREEMENTS("topic.classification-disagreements", "classification-disagreements",
            "Compacted topic of reviews the poverty standard classifies otherwise."),
    TOPIC_REDUCTION_TARGETS("topic.reduction-targets", "reduction-targets",
            "Compacted topic of poverty-reduction targets per unit, year and measure."),
    TOPIC_REVIEW_YEAR_CLOSURES("topic.review-year-closures", "review-year-closures",
            "Compacted topic of review years closed per unit (and everything under it)."),
    TOPIC_TARGET_STATUSES("topic.target-statuses", "target-statuses",
            "Compacted topic of each unit's standing against its reduction target."),
    TOPIC_TARGET_GAP_ALERTS("topic.target-gap-alerts", "target-gap-alerts",
            "Topic of alerts raised when a unit falls short of its reduction target."),
    TOPIC_AUDIT_EVENTS("topic.audit-events", "audit-events",
            "Topic of every change made through ingest (the audit trail); kept forever."),
    DB_URL("db.url", "", "JDBC URL of PostgreSQL; empty starts the embedded server."),
    DB_USER("db.user", "postgres", "Database user."),
    DB_PASSWORD("db.password", "", "Database password."),
    DB_EMBEDDED_PORT("db.embedded.port", "55432", "Port of the embedded PostgreSQL (127.0.0.1 only)."),
    INGEST_HOST("ingest.host", "127.0.0.1", "Address the ingest API listens on (0.0.0.0 in a container)."),
    INGEST_PORT("ingest.port", "8080", "Port of the ingest API."),
    INGEST_ADMIN_TOKEN_SHA256("ingest.admin.token.sha256", "", "Hex SHA-256 of the admin token; empty in embedded mode creates a token in the data directory."),
    INGEST_MAX_BODY_BYTES("ingest.max.body.bytes", "67108864", "Largest request body accepted (413 above)."),
    INGEST_INSTANCE_ID("ingest.instance.id", "ingest-0", "Unique, stable name of this ingest instance (part of its Kafka transactional ids)."),
    INGEST_MAX_RECORDS("ingest.max.records", "200000", "Most records accepted in one request (413 above)."),
    INGEST_REVIEWER_REQUESTS_PER_MINUTE("ingest.reviewer.requests-per-minute", "600",
            "Requests a reviewer token may make per minute on each ingest instance (429 above); 0 is unlimited."),
    INGEST_ADMIN_REQUESTS_PER_MINUTE("ingest.admin.requests-per-minute", "0",
            "Requests the admin token may make per minute on each ingest instance (429 above); 0 is unlimited."),
    STREAMS_APPLICATION_ID("streams.application.id", "poverty-rollups", "Kafka Streams application id."),
    STREAMS_THREADS("streams.threads", "1", "Stream threads of this instance."),
    STREAMS_INSTANCE_ID("streams.instance.id", "streams-0",
            "Unique, stable name of this streams instance in its group: restarted after a crash, it takes its tasks back at once."),
    STREAMS_FLUSH_INTERVAL_MS("streams.flush.interval.ms", "200",
            "How often summed unit changes are published while the pipeline keeps up with its input."),
    STREAMS_FRESHNESS_BUDGET_MS("streams.freshness.budget.ms", "30000",
            "Longest a change waits to be published under a backlog (the Streams commit interval); longer means fewer rollups."),
    SINK_GROUP_ID("sink.group.id", "poverty-sink", "Consumer group of the sink."),
    SINK_INSTANCE_ID("sink.instance.id", "sink-0",
            "Unique, stable name of this sink instance in its group (its writers add -writer-N): restarted after a crash, it takes its partitions back at once."),
    SINK_HEALTH_WRITE_FAILURE_SECONDS("sink.health.write-failure.seconds", "5",
            "How long the sink may fail to write to PostgreSQL before its health is DOWN."),
    SINK_WRITERS("sink.writers", "2",
            "Writers of this sink instance: consumers of one group over disjoint partitions, each with its own database connection."),
    SINK_ALERT_WEBHOOK_URL("sink.alert-webhook.url", "",
            "If set, POST every target gap alert as JSON to this URL, at least once, with header Idempotency-Key: <alertId>."),
    HEALTH_PORT("health.port", "0", "If not 0, serve GET /health and GET /metrics on this port (for container health checks and scrapes of streams and sink)."),
    DEMO_PROVINCE("demo.province", "", "If set, submit generated households of this province (e.g. 38) after start-up."),
    DEMO_HOUSEHOLDS("demo.households", "20000", "How many households the demo submits.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String environmentVariable() {
        return "POVERTY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
