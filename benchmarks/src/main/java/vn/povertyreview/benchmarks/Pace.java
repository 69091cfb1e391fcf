package vn.povertyreview.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A count observed over time, to find its fastest stretch. A phase's average hides that a JVM
 * still compiling its hot paths runs slower at first; the fastest window shows the warm rate.
 * Not thread-safe.
 */
final class Pace {

    private final List<long[]> samples = new ArrayList<>();

    /** The count had reached {@code count} at {@code nanos} ({@link System#nanoTime()}). */
    void record(long nanos, long count) {
        samples.add(new long[] {nanos, count});
    }

    /** The highest rate per second over any stretch at least {@code window} long; NaN if none is. */
    double fastest(Duration window) {
        double best = Double.NaN;
        int from = 0;
        for (int to = 0; to < samples.size(); to++) {
            long[] end = samples.get(to);
            // Advance the start while the stretch stays at least a window long: the shortest such stretch.
            while (from + 1 < to && end[0] - samples.get(from + 1)[0] >= window.toNanos()) {
                from++;
            }
            long[] start = samples.get(from);
            long span = end[0] - start[0];
            if (span >= window.toNanos()) {
                double rate = (end[1] - start[1]) / (span / 1e9);
                best = Double.isNaN(best) ? rate : Math.max(best, rate);
            }
        }
        return best;
    }
}
