package vn.povertyreview.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which state store partitions are being rebuilt from their changelogs, and how long a rebuild
 * took. After an unclean stop under exactly-once, Streams throws away its local state and reads
 * it back from the changelogs, which is most of a restart's time; one line at the end of each
 * round says how much was read and how fast, so an operator can tell a slow restore from a hang.
 */
final class RestoreProgress implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);

    /** Store partitions being restored now, as {@code <store>/<partition>}, with the changelog offset each is restored up to. */
    private final Map<String, Long> endingOffsets = new ConcurrentHashMap<>();
    /** The changelog records each store partition being restored has still to read. */
    private final Map<String, Long> remaining = new ConcurrentHashMap<>();
    private final AtomicLong roundStartedNanos = new AtomicLong();
    private final AtomicLong roundRecords = new AtomicLong();
    private final AtomicLong roundPartitions = new AtomicLong();
    private final AtomicLong restoredRecords = new AtomicLong();

    /** How many store partitions are being restored now. */
    int restoring() {
        return remaining.size();
    }

    /** The changelog records the restores under way have still to read: how far they are from done. */
    long remainingRecords() {
        long sum = 0;
        for (long left : remaining.values()) {
            sum += left;
        }
        return sum;
    }

    /** Changelog records restored since this instance started. */
    long restoredRecords() {
        return restoredRecords.get();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        if (remaining.isEmpty()) {
            roundStartedNanos.set(System.nanoTime());
            roundRecords.set(0);
            roundPartitions.set(0);
        }
        String key = key(partition, store);
        endingOffsets.put(key, endingOffset);
        remaining.put(key, Math.max(0, endingOffset - startingOffset));
        LOG.debug("Restoring {} partition {} from offset {} to {}", store, partition.partition(), startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        roundRecords.addAndGet(numRestored);
        restoredRecords.addAndGet(numRestored);
        String key = key(partition, store);
        Long end = endingOffsets.get(key);
        if (end != null) {
            // The batch's last offset is restored, so what is left starts after it.
            remaining.computeIfPresent(key, (k, left) -> Math.max(0, end - batchEndOffset - 1));
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        ended(partition, store);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        ended(partition, store);
    }

    private void ended(TopicPartition partition, String store) {
        String key = key(partition, store);
        endingOffsets.remove(key);
        if (remaining.remove(key) == null) {
            return;
        }
        roundPartitions.incrementAndGet();
        if (remaining.isEmpty()) {
            double seconds = (System.nanoTime() - roundStartedNanos.get()) / 1e9;
            long records = roundRecords.get();
            LOG.info("Restored {} state store partition(s) from their changelogs: {} records in {} s ({} records/s)",
                    roundPartitions.get(), String.format("%,d", records), String.format("%.1f", seconds),
                    String.format("%,.0f", records / Math.max(seconds, 0.001)));
        }
    }

    private static String key(TopicPartition partition, String store) {
        return store + "/" + partition.partition();
    }
}
