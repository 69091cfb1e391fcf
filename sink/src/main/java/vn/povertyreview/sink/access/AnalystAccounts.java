package vn.povertyreview.sink.access;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.sink.access.AnalystDao.CoveredUnit;
import vn.povertyreview.sink.access.AnalystDao.StoredAnalyst;

/**
 * Adds, lists and removes the analysts of the sink's database. An analyst is a PostgreSQL login
 * role in the group role {@value #GROUP_ROLE}, which may only read the figures; the row-level
 * security of migration V9 confines it to the units its {@link Scope} covers ({@code analyst_unit}).
 * Run as the role that owns the tables (the sink's), which needs CREATEROLE, or as a superuser.
 *
 * <p>Passwords are only ever handed to the driver, which sends PostgreSQL their SCRAM-SHA-256
 * verifier: the password itself is never sent, stored or logged.
 *
 * <p>Thread-safe; every operation is one or a few transactions of its own.
 */
public final class AnalystAccounts {

    /** The group role of every analyst: SELECT on the figures, nothing else. */
    public static final String GROUP_ROLE = "poverty_analyst";

    private static final Logger LOG = LoggerFactory.getLogger(AnalystAccounts.class);

    private final Jdbi jdbi;
    private final AdminMaps maps;
    private final CoveredUnits coveredUnits;

    public AnalystAccounts(Jdbi jdbi, AdminMaps maps) {
        this.jdbi = jdbi;
        this.maps = maps;
        this.coveredUnits = new CoveredUnits(maps);
    }

    /**
     * Creates the analyst's login role with this password, a member of {@value #GROUP_ROLE}, and
     * stores its scope and the units it covers, all in one transaction.
     *
     * @throws IllegalArgumentException when the scope is not a viewer's or names a unit of no map,
     *                                  or a role of that name exists already
     */
    public void add(AnalystName name, Scope scope, char[] password) {
        if (scope.kind() != Scope.Kind.VIEWER) {
            throw new IllegalArgumentException("an analyst's scope must be a viewer's, not " + scope);
        }
        List<String> unknown = scope.unknownUnits(maps);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no map the product knows has " + String.join(", ", unknown));
        }
        Set<CoveredUnit> units = coveredUnits.of(scope);
        jdbi.useTransaction(handle -> {
            AnalystDao dao = handle.attach(AnalystDao.class);
            if (dao.exists(name.value())) {
                throw new IllegalArgumentException("analyst " + name + " exists already; remove it first, or choose another name");
            }
            if (dao.roleExists(name.value())) {
                throw new IllegalArgumentException("the PostgreSQL server has a role named " + name
                        + " already, which is not an analyst of this database; choose another name");
            }
            // Roles belong to the whole server; every right comes from the group, none is granted to the role itself.
            handle.execute("CREATE ROLE " + name.quoted()
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT IN ROLE " + GROUP_ROLE);
            setPassword(handle, name, password);
            dao.insert(name.value(), scope.provinceCodes().toArray(String[]::new), scope.communeCodes().toArray(String[]::new));
            dao.insertUnits(name.value(), units);
        });
        LOG.info("Added analyst {} ({}, {} units over the review years)", name, scope, units.size());
    }

    private static void setPassword(Handle handle, AnalystName name, char[] password) {
        try {
            // A copy: the driver wipes the array it is given, and the caller may still need to show the password.
            handle.getConnection().unwrap(PGConnection.class).alterUserPassword(name.value(), password.clone(), "scram-sha-256");
        } catch (SQLException e) {
            // The driver's message holds at most the verifier, never the password.
            throw new UnableToExecuteStatementException("cannot set the password of analyst " + name + ": " + e.getMessage(), e, null);
        }
    }

    /** Every analyst of the database, by name. */
    public List<Analyst> list() {
        return jdbi.withHandle(handle -> {
            List<Analyst> analysts = new ArrayList<>();
            for (StoredAnalyst stored : handle.attach(AnalystDao.class).list()) {
                analysts.add(new Analyst(new AnalystName(stored.roleName()), Scope.viewerOf(stored.provinces(), stored.communes()),
                        stored.createdAt(), Boolean.TRUE.equals(stored.canLogIn())));
            }
            return analysts;
        });
    }

    /**
     * What removing an analyst did: how many of its open sessions were ended, and what could not be
     * done, if anything (its sessions not ended, its role not dropped). Its access has ended either
     * way: without a scope its sessions read no row, and its role may not log in.
     */
    public record Removal(AnalystName name, int sessionsEnded, List<String> leftOver) {

        public Removal {
            leftOver = List.copyOf(leftOver);
        }
    }

    /**
     * Ends the analyst's access: in one transaction its scope goes (its sessions read no row from
     * then on) and its role may no longer log in; then its open sessions are ended and its role is
     * dropped. Ending sessions needs the right to (a superuser, or a member of pg_signal_backend);
     * dropping fails if someone granted the role rights of its own elsewhere. What failed is in
     * {@link Removal#leftOver}.
     *
     * @throws IllegalArgumentException when there is no analyst of that name in this database
     */
    public Removal remove(AnalystName name) {
        jdbi.useTransaction(handle -> {
            AnalystDao dao = handle.attach(AnalystDao.class);
            if (dao.delete(name.value()) == 0) {
                throw new IllegalArgumentException("there is no analyst " + name + " in this database");
            }
            if (dao.roleExists(name.value())) {
                handle.execute("ALTER ROLE " + name.quoted() + " NOLOGIN");
            }
        });
        List<String> leftOver = new ArrayList<>();
        int sessions = 0;
        try {
            sessions = jdbi.withHandle(handle -> handle.attach(AnalystDao.class).terminateSessions(name.value()));
        } catch (JdbiException e) {
            leftOver.add("its open sessions were not ended (they read no row any more): " + reason(e));
        }
        try {
            jdbi.useHandle(handle -> handle.execute("DROP ROLE IF EXISTS " + name.quoted()));
        } catch (JdbiException e) {
            leftOver.add("its role may no longer log in but was not dropped: " + reason(e));
        }
        LOG.info("Removed analyst {}: {} sessions ended{}", name, sessions, leftOver.isEmpty() ? ", role dropped" : "; " + leftOver);
        return new Removal(name, sessions, leftOver);
    }

    private static String reason(JdbiException e) {
        return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    }

    /**
     * Brings {@code analyst_unit} in line with the maps the product ships: rewrites the units of
     * every analyst whose scope now covers other units (a new map, a corrected list). Nothing to do,
     * and nothing read, without analysts. Concurrent refreshes (several sinks starting) take turns.
     *
     * @return how many analysts' units were rewritten
     */
    public int refreshUnits() {
        return jdbi.inTransaction(handle -> {
            AnalystDao dao = handle.attach(AnalystDao.class);
            int rewritten = 0;
            for (StoredAnalyst stored : dao.lockAll()) {
                Set<CoveredUnit> units = coveredUnits.of(Scope.viewerOf(stored.provinces(), stored.communes()));
                if (!units.equals(dao.units(stored.roleName()))) {
                    dao.deleteUnits(stored.roleName());
                    dao.insertUnits(stored.roleName(), units);
                    rewritten++;
                }
            }
            if (rewritten > 0) {
                LOG.info("Rewrote the units of {} analysts for the administrative maps of this version", rewritten);
            }
            return rewritten;
        });
    }

    /** Whether the database has any analyst: {@link #refreshUnits} needs the maps only then. */
    public static boolean anyIn(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.attach(AnalystDao.class).count() > 0);
    }
}
