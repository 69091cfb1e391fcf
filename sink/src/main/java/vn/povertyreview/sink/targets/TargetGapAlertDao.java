package vn.povertyreview.sink.targets;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * The append-only {@code target_gap_alert} table: an alert is inserted once, a replayed one changes
 * nothing (and, inserting no row, notifies no listener). The insert is in
 * {@code TargetGapAlertDao/insert.sql} beside this interface. An instance is bound to the handle it
 * was attached to; use it on that handle's thread.
 */
public interface TargetGapAlertDao {

    /** @return per row, 1 if it was inserted, 0 if an alert of that id was already stored */
    @SqlBatch
    @UseClasspathSqlLocator
    int[] insert(@BindMethods Iterable<TargetGapAlertRow> rows);
}
