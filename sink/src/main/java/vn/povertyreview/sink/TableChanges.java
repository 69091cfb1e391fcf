package vn.povertyreview.sink;

/**
 * What a {@link TableWriter} did with its records of one batch: how many distinct rows it wrote,
 * how many of them changed the table (the others were no newer than the stored rows, or replays),
 * how many rows tombstones deleted, and how many tombstones it ignored. Immutable and thread-safe.
 */
public record TableChanges(int rows, int rowsChanged, int rowsDeleted, int tombstonesIgnored) {

    /** What a table without records in the batch did. */
    public static final TableChanges NONE = new TableChanges(0, 0, 0, 0);

    /** How many statements of a JDBC batch touched a row, from the batch's update counts. */
    public static int touched(int[] updateCounts) {
        int touched = 0;
        for (int count : updateCounts) {
            touched += count > 0 ? 1 : 0;
        }
        return touched;
    }
}
