package vn.povertyreview.sink.audit;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * The append-only {@code audit_event} table: an event is inserted once, a replayed one changes
 * nothing. The insert is in {@code AuditEventDao/insert.sql} beside this interface. An instance is
 * bound to the handle it was attached to; use it on that handle's thread.
 */
public interface AuditEventDao {

    /** @return per row, 1 if it was inserted, 0 if an event of that id was already stored */
    @SqlBatch
    @UseClasspathSqlLocator
    int[] insert(@BindMethods Iterable<AuditEventRow> rows);
}
