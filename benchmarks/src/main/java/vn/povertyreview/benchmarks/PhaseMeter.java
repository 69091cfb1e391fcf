package vn.povertyreview.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Starts and ends the measurement of a phase: wall time, CPU time of the JVM and of its kinds of
 * thread, heap and machine CPU (through a shared {@link ResourceWatch}). One phase at a time.
 */
final class PhaseMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ResourceWatch watch;

    PhaseMeter(ResourceWatch watch) {
        this.watch = watch;
    }

    /** Starts measuring now. */
    Running begin() {
        watch.reset();
        return new Running(System.nanoTime(), OS.getProcessCpuTime(), ThreadCpu.now());
    }

    /** A phase being measured. */
    final class Running {

        private final long startNanos;
        private final long startCpuNanos;
        private final ThreadCpu startThreads;

        private Running(long startNanos, long startCpuNanos, ThreadCpu startThreads) {
            this.startNanos = startNanos;
            this.startCpuNanos = startCpuNanos;
            this.startThreads = startThreads;
        }

        long startNanos() {
            return startNanos;
        }

        /** Ends the phase, which had caught up at {@code caughtUpNanos} ({@link System#nanoTime()}). */
        PhaseResult end(String name, String unit, long items, long caughtUpNanos) {
            long now = System.nanoTime();
            double cpuSeconds = (OS.getProcessCpuTime() - startCpuNanos) / 1e9;
            return new PhaseResult(name, unit, items, caughtUpNanos - startNanos, now - startNanos, cpuSeconds,
                    watch.usage(), ThreadCpu.now().secondsSince(startThreads));
        }
    }
}
