package vn.povertyreview.benchmarks;

import java.util.Arrays;

/**
 * The freshness a run measured: per request, the time from ingest's 202 to its households being
 * counted in PostgreSQL, as p50, p99 and max. Immutable.
 */
record Freshness(int reviewsPerSecond, double acceptedPerSecond, int seconds, int reviewsPerRequest, int requests, long reviews, double p50Ms,
        double p99Ms, double maxMs, double topicP50Ms, double topicP99Ms) {

    /**
     * @param latencyNanos per request, from its 202 to its households counted in PostgreSQL
     * @param toTopicNanos per request, from its 202 to its households counted in the committed NATION rollup on Kafka
     */
    static Freshness of(int reviewsPerSecond, int seconds, int reviewsPerRequest, long[] latencyNanos, long[] toTopicNanos, long reviews,
            double acceptedPerSecond) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        long[] topic = toTopicNanos.clone();
        Arrays.sort(topic);
        return new Freshness(reviewsPerSecond, acceptedPerSecond, seconds, reviewsPerRequest, sorted.length, reviews, percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1e6, percentile(topic, 50), percentile(topic, 99));
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    String line() {
        return String.format("Freshness at %,d reviews/s offered for %d s through ingest (%,d requests of %,d reviews; ingest took"
                        + " %,.0f reviews/s): from the 202"
                        + " to the households counted in PostgreSQL p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms"
                        + " (in the committed rollup on Kafka: p50 %,.0f ms, p99 %,.0f ms)",
                reviewsPerSecond, seconds, requests, reviewsPerRequest, acceptedPerSecond, p50Ms, p99Ms, maxMs, topicP50Ms, topicP99Ms);
    }
}
