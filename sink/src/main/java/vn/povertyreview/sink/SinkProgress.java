package vn.povertyreview.sink;

/**
 * Counters of a running sink, for progress logs: rollup records written to the database, batches
 * committed, unreadable records skipped and tombstones ignored. Immutable and thread-safe.
 */
public record SinkProgress(long recordsWritten, long batchesWritten, long recordsSkipped, long tombstonesIgnored) {
}
