package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * Ingest's own meters: its HTTP requests by route, method and status with their latency, and the
 * records of stored uploads, accepted or rejected, with the rules the rejected ones broke.
 * Thread-safe.
 */
public final class IngestMetrics {

    static final String REQUESTS = "poverty.ingest.requests";
    static final String ACCEPTED = "poverty.ingest.accepted";
    static final String REJECTED = "poverty.ingest.rejected";
    static final String RULE_VIOLATIONS = "poverty.ingest.rule.violations";
    /** The route of a request no route matched: the upload page's static files, and unknown paths (404). */
    static final String OTHER_ROUTE = "other";
    /**
     * Rule names come from the code, so there are a few dozen; a bound all the same, so that a
     * mistake can never grow the metrics without end.
     */
    static final int MAX_RULES = 200;

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter rejected;
    private final Map<String, Counter> violationsByRule = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder(ACCEPTED).baseUnit("records")
                .description("Records of stored uploads that broke no rule and are counted").register(registry);
        this.rejected = Counter.builder(REJECTED).baseUnit("records")
                .description("Records of stored uploads that broke a rule and are kept on the rejected topic").register(registry);
    }

    /** Counts an upload once its records are stored in Kafka. */
    void stored(Submission submission) {
        accepted.increment(submission.accepted());
        rejected.increment(submission.rejections().size());
        for (Submission.Rejection rejection : submission.rejections()) {
            for (RuleViolation violation : rejection.errors()) {
                ruleCounter(violation.rule()).increment();
            }
        }
    }

    private Counter ruleCounter(String rule) {
        Counter counter = violationsByRule.get(rule);
        if (counter != null) {
            return counter;
        }
        String shown = violationsByRule.size() < MAX_RULES ? rule : "other";
        return violationsByRule.computeIfAbsent(shown, name -> Counter.builder(RULE_VIOLATIONS)
                .description("Rule violations of rejected records, by rule (a record breaking two rules counts under both)")
                .tag("rule", name).register(registry));
    }

    /**
     * Times a finished request under its route template ({@code /api/v1/reviewers/{tokenId}}), never
     * its raw path, so that the number of series stays that of the routes.
     */
    void finished(Context ctx, Float executionTimeMs) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? OTHER_ROUTE : endpoint.path;
        Timer.builder(REQUESTS)
                .description("HTTP requests by route, method and status, and how long they took")
                .tag("route", route)
                .tag("method", ctx.method().name())
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000.0), TimeUnit.NANOSECONDS);
    }
}
