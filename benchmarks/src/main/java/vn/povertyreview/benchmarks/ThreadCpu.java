package vn.povertyreview.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of this JVM's threads at one moment, to see between two moments which kinds of thread
 * (Streams threads, broker request handlers, the sink...) the time went to. Immutable.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<Long, String> names;
    private final Map<Long, Long> cpuNanos;

    private ThreadCpu(Map<Long, String> names, Map<Long, Long> cpuNanos) {
        this.names = names;
        this.cpuNanos = cpuNanos;
    }

    static ThreadCpu now() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) {
            return new ThreadCpu(names, cpu);
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue; // ended between the two calls
            }
            long nanos = THREADS.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                cpu.put(info.getThreadId(), nanos);
            }
        }
        return new ThreadCpu(names, cpu);
    }

    /**
     * CPU seconds spent since {@code earlier}, per kind of thread (numbers and ids in names folded
     * to {@code #}), busiest first. Threads that ended in between are not seen.
     */
    Map<String, Double> secondsSince(ThreadCpu earlier) {
        Map<String, Double> byKind = new HashMap<>();
        cpuNanos.forEach((id, nanos) -> {
            long spent = nanos - earlier.cpuNanos.getOrDefault(id, 0L);
            if (spent > 0) {
                byKind.merge(kind(names.get(id)), spent / 1e9, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static String kind(String threadName) {
        if (threadName.equals("main") || threadName.endsWith(".main()")) {
            return "harness main"; // exec:java names the main thread after the class
        }
        return NUMBER.matcher(UUID.matcher(threadName).replaceAll("*")).replaceAll("#");
    }
}
