package vn.povertyreview.sink;

/**
 * What writing one polled batch did: how many records it held; how many distinct unit rows the
 * rollups collapsed to and how many of those actually changed (the rest were older than or equal
 * to the stored revision); how many tombstones were ignored (rollup rows are never deleted); how
 * many classification disagreements were inserted or replaced and how many rows their tombstones
 * deleted. Immutable and thread-safe.
 */
public record WrittenBatch(int records, int rows, int rowsChanged, int tombstones, int disagreements, int disagreementsDeleted) {
}
