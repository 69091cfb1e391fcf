package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} while requests can be expected to reach Kafka,
 * 503 {@code {"status":"DOWN"}} otherwise, for container health checks. Needs no token. Thread-safe.
 */
public final class HealthHandler implements Handler {

    private final ProducerPool producers;

    public HealthHandler(ProducerPool producers) {
        this.producers = producers;
    }

    @Override
    public void handle(Context ctx) {
        boolean up = producers.isUsable();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }
}
