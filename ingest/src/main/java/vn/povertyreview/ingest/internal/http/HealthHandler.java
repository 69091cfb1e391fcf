package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Supplier;
import vn.povertyreview.ingest.Health;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;

/**
 * {@code GET /health}: {@code {"status": "UP" | "DEGRADED" | "DOWN", "reasons": [...]}}, 503 when
 * DOWN, for container health checks. Ingest is DOWN when Kafka cannot take records; the launcher
 * that runs other services beside it adds theirs ({@code others}). Needs no token. Thread-safe.
 */
public final class HealthHandler implements Handler {

    private final ProducerPool producers;
    private final Supplier<Health> others;

    public HealthHandler(ProducerPool producers, Supplier<Health> others) {
        this.producers = producers;
        this.others = others;
    }

    /** Ingest's own health: DOWN while Kafka cannot take records. */
    public static Health of(ProducerPool producers) {
        return producers.isUsable() ? Health.up()
                : Health.down("ingest: Kafka cannot take records, so uploads are refused with 503");
    }

    @Override
    public void handle(Context ctx) {
        Health health = of(producers).and(others.get());
        ctx.status(health.httpStatus()).json(health.json());
    }
}
