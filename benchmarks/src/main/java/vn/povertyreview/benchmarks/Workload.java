package vn.povertyreview.benchmarks;

import java.util.List;
import java.util.function.Consumer;

/**
 * Household reviews generated ahead of a phase and already serialized into files, so that timing a
 * phase never includes making its input. The files are sent in order: a year's first reviews come
 * before the re-reviews and moves that update them, and the withdrawals last. Immutable.
 *
 * @param households  distinct households, each counted once however often reviewed
 * @param reviews     household-years reviewed: a household reviewed in 2024 and 2025 is two reviews
 * @param updates     re-reviews and moves among the records
 * @param withdrawals withdrawals among the records
 * @param expected    national counts of the final review year once every record is processed (this workload alone)
 * @param units       the recount of every unit of both years once every record is processed (this workload alone)
 */
record Workload(String name, List<WorkloadFile> files, int households, long reviews, long updates, long withdrawals,
        NationFigures expected, UnitRecount units) {

    Workload {
        files = List.copyOf(files);
    }

    /**
     * One household-reviews record as the topic holds it, and the household whose partition it goes
     * to; a withdrawal has no value and names the commune the withdrawing reviewer speaks for.
     */
    record Message(byte[] key, byte[] value, String householdId, String communeCode) {

        long bytes() {
            return key.length + (value == null ? 0 : value.length);
        }
    }

    /** Records sent: the reviews, their re-reviews and moves, and the withdrawals. */
    long records() {
        return files.stream().mapToLong(WorkloadFile::records).sum();
    }

    /** Serialized key and value bytes of every record, the payload a producer sends. */
    long bytes() {
        return files.stream().mapToLong(WorkloadFile::bytes).sum();
    }

    /** Hands every record to {@code each}, in the order they are to be sent. */
    void forEach(Consumer<Message> each) {
        for (WorkloadFile file : files) {
            WorkloadFile.read(file.path(), each);
        }
    }
}
