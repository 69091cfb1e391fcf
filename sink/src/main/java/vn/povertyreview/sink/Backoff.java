package vn.povertyreview.sink;

import java.time.Duration;

/** Bounded exponential backoff: each delay doubles the last, up to a ceiling. Not thread-safe. */
final class Backoff {

    private final Duration ceiling;
    private Duration next;

    Backoff(Duration first, Duration ceiling) {
        this.ceiling = ceiling;
        this.next = first;
    }

    Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        return delay;
    }
}
