package vn.povertyreview.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a service can do its job, and if not, why: what {@code GET /health} answers. Immutable.
 *
 * @param status  the worst state of the parts it covers
 * @param reasons why it is not {@link Status#UP}, one sentence per part that is not
 */
public record Health(Status status, List<String> reasons) {

    /** What an operator does: nothing (UP), look soon (DEGRADED), act now (DOWN). */
    public enum Status {
        /** Doing its job. */
        UP,
        /** Doing its job, but late or with less than it should have (rebalancing, restoring state). */
        DEGRADED,
        /** Not doing its job: records are not taken, counted or written. */
        DOWN
    }

    public Health {
        reasons = List.copyOf(reasons);
    }

    public static Health up() {
        return new Health(Status.UP, List.of());
    }

    public static Health degraded(String reason) {
        return new Health(Status.DEGRADED, List.of(reason));
    }

    public static Health down(String reason) {
        return new Health(Status.DOWN, List.of(reason));
    }

    /** Both together: the worse status, and the reasons of both. */
    public Health and(Health other) {
        List<String> all = new ArrayList<>(reasons);
        all.addAll(other.reasons);
        return new Health(status.compareTo(other.status) >= 0 ? status : other.status, all);
    }

    /** 503 when DOWN, so that a container health check or a load balancer takes it out; 200 otherwise. */
    public int httpStatus() {
        return status == Status.DOWN ? 503 : 200;
    }

    /** The JSON body: {@code {"status": "...", "reasons": [...]}}. */
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.name());
        body.put("reasons", reasons);
        return body;
    }
}
