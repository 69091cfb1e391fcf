package vn.povertyreview.sink;

/**
 * Counters of a running sink, for progress logs: records written to the database (rollups, and
 * classification disagreements with their tombstones), batches committed, unreadable records
 * skipped and rollup tombstones ignored. Immutable and thread-safe.
 */
public record SinkProgress(long recordsWritten, long batchesWritten, long recordsSkipped, long tombstonesIgnored) {

    public static final SinkProgress NONE = new SinkProgress(0, 0, 0, 0);

    /** The counters of two writers together. */
    public SinkProgress plus(SinkProgress other) {
        return new SinkProgress(recordsWritten + other.recordsWritten, batchesWritten + other.batchesWritten,
                recordsSkipped + other.recordsSkipped, tombstonesIgnored + other.tombstonesIgnored);
    }
}
