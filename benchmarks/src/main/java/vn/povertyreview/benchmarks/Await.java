package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Explicit polling with a deadline: looks at a condition every {@value #INTERVAL_MS} ms, reports
 * what it still waits for every {@value #REPORT_EVERY_S} s, and fails with that when the deadline
 * passes. Thread-confined.
 */
final class Await {

    private static final long INTERVAL_MS = 100;
    private static final long REPORT_EVERY_S = 10;

    private final PrintStream progress;

    Await(PrintStream progress) {
        this.progress = progress;
    }

    /**
     * Waits until the check is done and has stayed done for {@code stableFor}; returns the
     * {@link System#nanoTime()} of the first look of that final run, when the stage had in fact
     * caught up.
     */
    long until(String stage, Supplier<Check> check, Duration timeout, Duration stableFor) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + Duration.ofSeconds(REPORT_EVERY_S).toNanos();
        long doneSince = -1;
        while (true) {
            Check now = check.get();
            long at = System.nanoTime();
            if (now.done()) {
                doneSince = doneSince < 0 ? at : doneSince;
                if (at - doneSince >= stableFor.toNanos()) {
                    return doneSince;
                }
            } else {
                doneSince = -1;
                if (at > deadline) {
                    throw new IllegalStateException(stage + " did not catch up within " + timeout.toSeconds()
                            + " s; still waiting for " + now.waitingFor());
                }
                if (at > nextReport) {
                    progress.printf("  %s, %d s: waiting for %s%n", stage, Duration.ofNanos(at - started).toSeconds(), now.waitingFor());
                    nextReport = at + Duration.ofSeconds(REPORT_EVERY_S).toNanos();
                }
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
