package vn.povertyreview.streams.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.StreamPartitioner;
import vn.povertyreview.schemas.internal.BatchedUnitChange;
import vn.povertyreview.schemas.internal.UnitChangeBatch;

/**
 * Which task of the rollup step counts a unit. Units are spread by their key over {@link #COUNT}
 * buckets, and bucket {@code b} is read by partition {@code b mod partitions} of the unit-changes
 * repartition, so every change of one unit meets the same task and store. A household task's
 * changes of one commit are sent as one {@link UnitChangeBatch} per bucket: under a bulk load a
 * commit changes most of the country's villages, and one record per village change cost the rollup
 * step more in records (sending, reading, Streams' work per record) than in counting.
 *
 * <p>Changing {@link #COUNT} or {@link #of} moves units between tasks, which needs the reset of
 * Streams' state described in the README ("Upgrading"). Stateless.
 */
public final class UnitBuckets {

    /** Far more buckets than any installation's partitions, so that partitions get nearly even shares. */
    public static final int COUNT = 1024;

    private UnitBuckets() {
    }

    /** The bucket of a unit key {@code <reviewYear>/<unitCode>}. */
    public static int of(String unitKey) {
        return Math.floorMod(unitKey.hashCode(), COUNT);
    }

    /** The record key of a bucket's batches. */
    static String key(int bucket) {
        return Integer.toString(bucket);
    }

    /** Sends a bucket's batches to the partition that reads it. */
    public static StreamPartitioner<String, UnitChangeBatch> partitioner() {
        return (topic, bucketKey, batch, partitions) -> Optional.of(Set.of(Integer.parseInt(bucketKey) % partitions));
    }

    /** The batch of one change, as a village name change travels. */
    static UnitChangeBatch single(String unitKey, long asOf, String unitName, ByteBuffer packedCounts) {
        return new UnitChangeBatch(List.of(new BatchedUnitChange(unitKey, asOf, unitName, packedCounts)));
    }

    /** Changes gathered per bucket, then handed out as one batch per bucket with the latest time in it. */
    static final class Batches {

        private final Map<Integer, List<BatchedUnitChange>> byBucket = new HashMap<>();

        void add(String unitKey, long asOf, ByteBuffer packedCounts) {
            byBucket.computeIfAbsent(of(unitKey), bucket -> new ArrayList<>())
                    .add(new BatchedUnitChange(unitKey, asOf, null, packedCounts));
        }

        /** Hands each bucket's key and batch to {@code send}. */
        void forEach(BiConsumer<String, UnitChangeBatch> send) {
            byBucket.forEach((bucket, changes) -> send.accept(key(bucket), new UnitChangeBatch(changes)));
        }
    }

    /** The latest review time of a batch's changes, the time its record carries. */
    static long asOf(UnitChangeBatch batch) {
        long asOf = Long.MIN_VALUE;
        for (BatchedUnitChange change : batch.getChanges()) {
            asOf = Math.max(asOf, change.getAsOf());
        }
        return asOf;
    }
}
