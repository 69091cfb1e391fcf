package vn.povertyreview.ingest.internal.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per token, as a token bucket per token id: a token may spend a whole
 * minute's allowance at once (a reviewer's tool sending a day's files), then one request every
 * 60/limit seconds. The admin token and reviewer tokens have limits of their own, 0 meaning
 * unlimited. Counted per ingest instance: a client spread over n instances by a load balancer
 * gets up to n times the limit. Only proven tokens are counted, so the buckets are bounded by the
 * number of tokens. Thread-safe.
 */
public final class TokenRateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int reviewerRequestsPerMinute;
    private final int adminRequestsPerMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenRateLimiter(int reviewerRequestsPerMinute, int adminRequestsPerMinute) {
        this(reviewerRequestsPerMinute, adminRequestsPerMinute, System::nanoTime);
    }

    TokenRateLimiter(int reviewerRequestsPerMinute, int adminRequestsPerMinute, LongSupplier nanoTime) {
        this.reviewerRequestsPerMinute = reviewerRequestsPerMinute;
        this.adminRequestsPerMinute = adminRequestsPerMinute;
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request of the caller if its token has allowance left.
     *
     * @return 0 when the request may go ahead; otherwise the whole seconds (at least 1) after
     *         which the token has allowance for one request again
     */
    public long retryAfterSeconds(Caller caller) {
        int limit = caller.isAdmin() ? adminRequestsPerMinute : reviewerRequestsPerMinute;
        if (limit == 0) {
            return 0;
        }
        return buckets.computeIfAbsent(caller.tokenId(), id -> new Bucket(limit, nanoTime.getAsLong())).take(nanoTime.getAsLong());
    }

    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double available;
        private long refilledAt;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / NANOS_PER_MINUTE;
            this.available = perMinute;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            available = Math.min(capacity, available + Math.max(0, now - refilledAt) * perNano);
            refilledAt = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - available) / perNano / 1e9));
        }
    }
}
