package vn.povertyreview.ingest;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL database the reports and the expected counts are read from and written to: the
 * sink's. Ingest starts before it (it takes uploads while the database starts), so the launcher
 * connects it when it is up; until then, and in an ingest run without a database, those endpoints
 * answer 503. Thread-safe.
 */
public final class ReportDatabase {

    private final AtomicReference<Jdbi> jdbi = new AtomicReference<>();

    /** Not connected yet. */
    public ReportDatabase() {
    }

    /** Connected to this database. */
    public static ReportDatabase of(Jdbi jdbi) {
        ReportDatabase database = new ReportDatabase();
        database.connect(jdbi);
        return database;
    }

    /** From now on, reports read this database. */
    public void connect(Jdbi database) {
        jdbi.set(database);
    }

    /** The database, once connected. */
    public Optional<Jdbi> jdbi() {
        return Optional.ofNullable(jdbi.get());
    }
}
