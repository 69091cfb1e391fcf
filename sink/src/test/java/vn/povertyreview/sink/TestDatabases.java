package vn.povertyreview.sink;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.embedded.EmbeddedPostgresServer;

/** A fresh, migrated database per test on a shared server, so that tests cannot see each other's rows. */
final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    static Jdbi fresh(EmbeddedPostgresServer postgres) {
        String name = "sink_test_" + COUNTER.incrementAndGet();
        postgres.createDatabaseIfMissing(name);
        return SinkDatabase.open(postgres.dataSource(name));
    }

    /** Every row of the table as JSON text in key order: equal dumps mean equal tables, to the microsecond. */
    static String dump(Jdbi jdbi, String table, String orderBy) {
        List<String> rows = jdbi.withHandle(handle -> handle
                .createQuery("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY " + orderBy)
                .mapTo(String.class)
                .list());
        return String.join("\n", rows);
    }

    static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
