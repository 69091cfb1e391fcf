package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.ingest.ReportFormat;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.target.UnitCodes;
import vn.povertyreview.sink.report.ReportData;
import vn.povertyreview.sink.report.ReportQueries;
import vn.povertyreview.sink.report.ReportTables;

/**
 * {@code GET /api/v1/reports/{reviewYear}/{unitCode}.xlsx} and {@code .csv}: the report of one unit
 * and review year ({@link ReportTables}), read from the sink's database. The admin may fetch any
 * unit's; a reviewer the reports of its communes and of their villages, as a viewer of those
 * communes would read them ({@link Scope#covers}), and nothing above them. Thread-safe.
 */
public final class ReportHandler {

    private final Access access;
    private final UnitCodes units;
    private final UnitDirectory directory;
    private final ReportDatabase database;

    public ReportHandler(Access access, UnitCodes units, UnitDirectory directory, ReportDatabase database) {
        this.access = access;
        this.units = units;
        this.directory = directory;
        this.database = database;
    }

    public void xlsx(Context ctx) throws IOException {
        report(ctx, ReportFormat.XLSX);
    }

    public void csv(Context ctx) throws IOException {
        report(ctx, ReportFormat.CSV);
    }

    private void report(Context ctx, ReportFormat format) throws IOException {
        Caller caller = access.caller(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = ctx.pathParam("unitCode");
        Optional<RuleViolation> unknown = units.check(unitCode, reviewYear);
        if (unknown.isPresent()) {
            throw new ApiProblem(404, "unit-not-found", new Message(unknown.get().messageVi(), unknown.get().messageEn()))
                    .with("rule", unknown.get().rule());
        }
        if (!mayRead(caller.scope(), reviewYear, unitCode, directory)) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Tài khoản này không được xem báo cáo của đơn vị " + unitCode + " năm " + reviewYear + ".",
                    "This account may not read the report of unit " + unitCode + " for " + reviewYear + "."))
                    .with("rule", "unitCode.notPermitted");
        }
        Jdbi jdbi = ReportDatabases.connected(database);
        ReportData data;
        try {
            data = new ReportQueries(jdbi).load(reviewYear, unitCode).orElseThrow(() -> new ApiProblem(404, "report-not-found",
                    new Message("Chưa có số liệu rà soát năm " + reviewYear + " của đơn vị " + unitCode + ".",
                            "There are no review figures of unit " + unitCode + " for " + reviewYear + " yet.")));
        } catch (JdbiException e) {
            throw ReportDatabases.unavailable(e);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        format.write(ReportTables.of(data), file);
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"bao-cao-" + reviewYear + "-" + unitCode + "."
                        + format.extension() + "\"")
                .contentType(format.mediaType())
                .result(file.toByteArray());
    }

    /**
     * Whether the scope may read the unit's report: the admin every unit; a viewer what it covers;
     * a reviewer what a viewer of its communes covers (its communes and their villages), so that a
     * commune can follow its own season, and no reviewer the units above its communes.
     */
    public static boolean mayRead(Scope scope, int reviewYear, String unitCode, UnitDirectory directory) {
        return switch (scope.kind()) {
            case ADMIN, VIEWER -> scope.covers(reviewYear, unitCode, directory);
            case REVIEWER -> !scope.communeCodes().isEmpty()
                    && Scope.viewerOf(List.of(), scope.communeCodes()).covers(reviewYear, unitCode, directory);
        };
    }
}
