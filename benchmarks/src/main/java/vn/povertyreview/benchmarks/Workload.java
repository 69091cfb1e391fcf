package vn.povertyreview.benchmarks;

import java.util.List;

/**
 * Household reviews generated ahead of a phase and already serialized, so that timing a phase
 * never includes making its input. First reviews come before the re-reviews and moves that update
 * them. Immutable.
 *
 * @param households distinct households, each counted once however often reviewed
 * @param updates    re-reviews and moves among the records
 * @param expected   national counts once every record is processed (this workload alone)
 * @param units      the recount of every unit once every record is processed (this workload alone)
 */
record Workload(String name, List<Message> records, int households, int updates, NationFigures expected, UnitRecount units) {

    Workload {
        records = List.copyOf(records);
    }

    /** One household-reviews record as the topic holds it, and the household whose partition it goes to. */
    record Message(byte[] key, byte[] value, String householdId) {
    }

    /** Serialized key and value bytes, the payload a producer sends. */
    long bytes() {
        long bytes = 0;
        for (Message record : records) {
            bytes += record.key().length + record.value().length;
        }
        return bytes;
    }
}
