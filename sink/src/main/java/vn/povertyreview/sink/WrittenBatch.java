package vn.povertyreview.sink;

/**
 * What writing one polled batch did: how many records it held, how many distinct unit rows they
 * collapsed to, how many of those rows actually changed (the rest were older than or equal to the
 * stored revision) and how many tombstones were ignored. Immutable and thread-safe.
 */
public record WrittenBatch(int records, int rows, int rowsChanged, int tombstones) {
}
