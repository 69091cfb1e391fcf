package vn.povertyreview.ingest.internal.http;

import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.ingest.ReportDatabase;

/** The 503 answers of the endpoints that need the sink's database. */
final class ReportDatabases {

    private ReportDatabases() {
    }

    /** The database, or 503 while it is not connected (still starting, or not configured for this ingest). */
    static Jdbi connected(ReportDatabase database) {
        return database.jdbi().orElseThrow(() -> new ApiProblem(503, "database-unavailable", new Message(
                "Cơ sở dữ liệu số liệu chưa sẵn sàng (đang khởi động, hoặc dịch vụ này chưa được cấu hình db.url); hãy thử lại sau.",
                "The figures' database is not available (still starting, or db.url is not configured for this service); try again later."))
                .withHeader("Retry-After", "10"));
    }

    /** 503 for a database that is away or failed the statement. */
    static ApiProblem unavailable(RuntimeException cause) {
        return new ApiProblem(503, "database-unavailable", new Message(
                "Không đọc được cơ sở dữ liệu số liệu; hãy thử lại sau.", "The figures' database could not be read; try again later."))
                .withHeader("Retry-After", "10")
                .causedBy(cause);
    }
}
