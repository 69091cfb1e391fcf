package vn.povertyreview.pipeline;

import java.util.Set;
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

    /** Store partitions being restored now, as {@code <store>/<partition>}. */
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();
    private final AtomicLong roundStartedNanos = new AtomicLong();
    private final AtomicLong roundRecords = new AtomicLong();
    private final AtomicLong roundPartitions = new AtomicLong();

    /** How many store partitions are being restored now. */
    int restoring() {
        return restoring.size();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        if (restoring.isEmpty()) {
            roundStartedNanos.set(System.nanoTime());
            roundRecords.set(0);
            roundPartitions.set(0);
        }
        restoring.add(key(partition, store));
        LOG.debug("Restoring {} partition {} from offset {} to {}", store, partition.partition(), startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        roundRecords.addAndGet(numRestored);
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
        if (!restoring.remove(key(partition, store))) {
            return;
        }
        roundPartitions.incrementAndGet();
        if (restoring.isEmpty()) {
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
