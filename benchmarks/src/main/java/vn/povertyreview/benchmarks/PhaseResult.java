package vn.povertyreview.benchmarks;

import java.util.Map;

/**
 * What one timed phase did: how many items (reviews, households or rows) in how long, and what it
 * cost this JVM and the machine meanwhile. Immutable.
 *
 * @param nanos        the timed span, from the phase's start until it had caught up
 * @param cpuWindowNanos the span the CPU figures cover, which runs on to the last look at the phase
 * @param jvmCpuSeconds CPU time of this whole JVM (broker, Streams, sink, harness) in that window
 * @param threadCpu    CPU seconds per kind of thread in that window, busiest first
 */
record PhaseResult(String name, String unit, long items, long nanos, long cpuWindowNanos, double jvmCpuSeconds,
        ResourceWatch.Usage usage, Map<String, Double> threadCpu) {

    double seconds() {
        return nanos / 1e9;
    }

    double perSecond() {
        return items / seconds();
    }

    /** Cores this JVM kept busy on average. */
    double jvmCores() {
        return cpuWindowNanos <= 0 ? Double.NaN : jvmCpuSeconds / (cpuWindowNanos / 1e9);
    }

    /** Phases that ran one after the other, as one: the items of the last, the times summed. */
    static PhaseResult inTurn(String name, String unit, long items, PhaseResult... phases) {
        long nanos = 0;
        for (PhaseResult phase : phases) {
            nanos += phase.nanos;
        }
        return new PhaseResult(name, unit, items, nanos, 0, Double.NaN, null, Map.of());
    }
}
