package vn.povertyreview.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of {@code household-reviews} a household's records go to: chosen by the household
 * id alone, not the whole key {@code <reviewYear>/<householdId>}, so that every review year of a
 * household lands in one partition and Streams meets a household's years without repartitioning.
 * The hash is Kafka's own (murmur2, as its default partitioner applies to key bytes). Every
 * producer of reviews must choose partitions this way.
 */
public final class HouseholdPartition {

    private HouseholdPartition() {
    }

    public static int of(String householdId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(householdId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
