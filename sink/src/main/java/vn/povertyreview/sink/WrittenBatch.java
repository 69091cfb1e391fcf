package vn.povertyreview.sink;

/**
 * What writing one polled batch did: how many records it held; how many distinct unit rows the
 * rollups collapsed to and how many of those actually changed (the rest were older than or equal
 * to the stored revision); how many tombstones were ignored (rollup and alert rows are never
 * deleted); how many classification disagreements were inserted or replaced and how many rows their
 * tombstones deleted; how many distinct target statuses the batch held, how many of them changed a
 * row and how many rows status tombstones deleted; how many distinct alerts it held and how many of
 * them were new (the rest were replays); how many audit events it held and how many of them were new.
 * Immutable and thread-safe.
 */
public record WrittenBatch(int records, int rows, int rowsChanged, int tombstones, int disagreements, int disagreementsDeleted,
        int statuses, int statusesChanged, int statusesDeleted, int alerts, int alertsInserted, int auditEvents,
        int auditEventsInserted) {

    /** A batch without target statuses, alerts or audit events. */
    public WrittenBatch(int records, int rows, int rowsChanged, int tombstones, int disagreements, int disagreementsDeleted) {
        this(records, rows, rowsChanged, tombstones, disagreements, disagreementsDeleted, 0, 0, 0, 0, 0);
    }

    /** A batch without audit events. */
    public WrittenBatch(int records, int rows, int rowsChanged, int tombstones, int disagreements, int disagreementsDeleted,
            int statuses, int statusesChanged, int statusesDeleted, int alerts, int alertsInserted) {
        this(records, rows, rowsChanged, tombstones, disagreements, disagreementsDeleted, statuses, statusesChanged,
                statusesDeleted, alerts, alertsInserted, 0, 0);
    }

    /** A batch of that many records, from what each table's writer did with them. */
    static WrittenBatch of(int records, TableChanges rollups, TableChanges disagreements, TableChanges statuses, TableChanges alerts,
            TableChanges auditEvents) {
        int tombstones = rollups.tombstonesIgnored() + disagreements.tombstonesIgnored() + statuses.tombstonesIgnored()
                + alerts.tombstonesIgnored() + auditEvents.tombstonesIgnored();
        return new WrittenBatch(records, rollups.rows(), rollups.rowsChanged(), tombstones, disagreements.rows(),
                disagreements.rowsDeleted(), statuses.rows(), statuses.rowsChanged(), statuses.rowsDeleted(), alerts.rows(),
                alerts.rowsChanged(), auditEvents.rows(), auditEvents.rowsChanged());
    }
}
