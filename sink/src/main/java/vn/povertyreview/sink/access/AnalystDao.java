package vn.povertyreview.sink.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The tables {@code analyst} (each analyst's scope as given) and {@code analyst_unit} (the units
 * that scope covers per review year, which the row-level security policies read). An instance is
 * bound to the handle it was attached to; use it on that handle's thread.
 */
@RegisterConstructorMapper(AnalystDao.StoredAnalyst.class)
@RegisterConstructorMapper(AnalystDao.CoveredUnit.class)
public interface AnalystDao {

    /** An analyst as stored, with whether its role may log in (null when the role is gone). */
    record StoredAnalyst(String roleName, List<String> provinces, List<String> communes, Instant createdAt, Boolean canLogIn) {
    }

    /** A row of {@code analyst_unit}. */
    record CoveredUnit(int reviewYear, String unitCode) {
    }

    @SqlQuery("""
            SELECT a.role_name, a.provinces, a.communes, a.created_at, r.rolcanlogin AS can_log_in
              FROM analyst a LEFT JOIN pg_roles r ON r.rolname = a.role_name
             ORDER BY a.role_name
            """)
    List<StoredAnalyst> list();

    /** Every analyst, its row locked until the transaction ends: one refresh of the units at a time. */
    @SqlQuery("""
            SELECT a.role_name, a.provinces, a.communes, a.created_at, r.rolcanlogin AS can_log_in
              FROM analyst a LEFT JOIN pg_roles r ON r.rolname = a.role_name
             ORDER BY a.role_name
               FOR UPDATE OF a
            """)
    List<StoredAnalyst> lockAll();

    @SqlQuery("SELECT count(*) FROM analyst")
    long count();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM analyst WHERE role_name = :name)")
    boolean exists(@Bind("name") String name);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :name)")
    boolean roleExists(@Bind("name") String name);

    @SqlUpdate("INSERT INTO analyst (role_name, provinces, communes) VALUES (:name, :provinces, :communes)")
    void insert(@Bind("name") String name, @Bind("provinces") String[] provinces, @Bind("communes") String[] communes);

    @SqlUpdate("DELETE FROM analyst WHERE role_name = :name")
    int delete(@Bind("name") String name);

    @SqlQuery("SELECT review_year, unit_code FROM analyst_unit WHERE role_name = :name")
    Set<CoveredUnit> units(@Bind("name") String name);

    @SqlUpdate("DELETE FROM analyst_unit WHERE role_name = :name")
    void deleteUnits(@Bind("name") String name);

    @SqlBatch("INSERT INTO analyst_unit (role_name, review_year, unit_code) VALUES (:name, :reviewYear, :unitCode)")
    void insertUnits(@Bind("name") String name, @BindMethods Iterable<CoveredUnit> units);

    /**
     * Ends every session of the role, waiting up to 5 s for each to end.
     *
     * @return how many sessions there were
     */
    @SqlQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = :name) ended")
    int terminateSessions(@Bind("name") String name);
}
