package vn.povertyreview.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap and the machine's CPU between two {@link #reset()}s.
 *
 * <p>Sampling the used heap alone misses the peak just before a collection, and counts garbage as
 * if it were live; so the heap is also read from every garbage collection's own report: used before
 * it (the true peak) and after it (an upper bound of the live data). The machine's CPU use is
 * sampled, since PostgreSQL runs in processes of its own.
 *
 * <p>Thread-safe.
 */
final class ResourceWatch implements AutoCloseable {

    private static final long SAMPLE_MS = 50;
    private static final int CPU_EVERY_SAMPLES = 4;

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final AtomicLong cpuLoadSumPermille = new AtomicLong();
    private final AtomicLong cpuLoadSamples = new AtomicLong();
    private final NotificationListener onGc = this::onGc;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Thread sampler = new Thread(this::sample, "benchmark-resource-watch");

    /** What the watch saw since the last reset. */
    record Usage(long heapPeakBytes, long heapAfterGcPeakBytes, double machineBusy) {
    }

    ResourceWatch start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                emitters.add(emitter);
            }
        }
        sampler.setDaemon(true);
        sampler.start();
        return this;
    }

    void reset() {
        heapPeak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        afterGcPeak.set(0);
        cpuLoadSumPermille.set(0);
        cpuLoadSamples.set(0);
        os.getCpuLoad(); // starts a new measuring interval
    }

    Usage usage() {
        long samples = cpuLoadSamples.get();
        return new Usage(heapPeak.get(), afterGcPeak.get(), samples == 0 ? Double.NaN : cpuLoadSumPermille.get() / 1000.0 / samples);
    }

    private void sample() {
        long tick = 0;
        while (!Thread.currentThread().isInterrupted()) {
            heapPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            if (++tick % CPU_EVERY_SAMPLES == 0) {
                // The load since the previous call: equal intervals, so a plain average is right.
                double load = os.getCpuLoad();
                if (load >= 0) {
                    cpuLoadSumPermille.addAndGet(Math.round(load * 1000));
                    cpuLoadSamples.incrementAndGet();
                }
            }
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        heapPeak.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
        afterGcPeak.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : byPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(onGc);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
