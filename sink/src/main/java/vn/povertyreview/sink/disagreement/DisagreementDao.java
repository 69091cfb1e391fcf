package vn.povertyreview.sink.disagreement;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import vn.povertyreview.schemas.HouseholdKey;

/**
 * The {@code classification_disagreement} table. The topic's order decides: the sink applies each
 * household-year's records in offset order, so a row is simply replaced or deleted. The upsert is
 * in {@code DisagreementDao/upsert.sql} beside this interface. An instance is bound to the handle it
 * was attached to; use it on that handle's thread.
 */
public interface DisagreementDao {

    /**
     * Inserts the rows or replaces the stored ones of the same household-years; the keys must be distinct.
     *
     * @return per row, 1: it was inserted or replaced the stored one (the topic's order decides, not a revision)
     */
    @SqlBatch
    @UseClasspathSqlLocator
    int[] upsert(@BindMethods Iterable<DisagreementRow> rows);

    /** Deletes the rows of the household-years; @return per key, 1 if a row was deleted, 0 if there was none. */
    @SqlBatch("DELETE FROM classification_disagreement WHERE review_year = :reviewYear AND household_id = :householdId")
    int[] delete(@BindMethods Iterable<HouseholdKey> keys);
}
