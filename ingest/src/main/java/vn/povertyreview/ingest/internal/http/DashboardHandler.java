package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import vn.povertyreview.domain.admin.Lineage;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.dashboard.UnitPage;
import vn.povertyreview.ingest.internal.dashboard.UnitPages;
import vn.povertyreview.ingest.internal.target.UnitCodes;

/**
 * {@code GET /api/v1/dashboard/{reviewYear}/{unitCode}}: the dashboard's data of one unit and review
 * year ({@link UnitPage}), read from the sink's database like the reports and under the same access
 * rule ({@link ReportHandler#mayRead}): the admin any unit, a viewer its subtree, a reviewer its
 * communes and their villages. Read-only. Thread-safe.
 */
public final class DashboardHandler {

    private final Access access;
    private final UnitCodes units;
    private final UnitDirectory directory;
    private final ReportDatabase database;
    private final UnitPages pages;

    public DashboardHandler(Access access, UnitCodes units, UnitDirectory directory, ReportDatabase database) {
        this.access = access;
        this.units = units;
        this.directory = directory;
        this.database = database;
        this.pages = new UnitPages(directory);
    }

    public void unit(Context ctx) {
        Caller caller = access.caller(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = ctx.pathParam("unitCode");
        Optional<RuleViolation> unknown = units.check(unitCode, reviewYear);
        Optional<Lineage> lineage = directory.lineage(reviewYear, unitCode);
        if (unknown.isPresent() || lineage.isEmpty()) {
            RuleViolation violation = unknown.orElseGet(() -> new RuleViolation("unitCode", "unitCode.unknown",
                    "Không có đơn vị " + unitCode + " trong danh mục hành chính của năm " + reviewYear + ".",
                    "There is no unit " + unitCode + " in the administrative map of " + reviewYear + "."));
            throw new ApiProblem(404, "unit-not-found", new Message(violation.messageVi(), violation.messageEn()))
                    .with("rule", violation.rule());
        }
        if (!ReportHandler.mayRead(caller.scope(), reviewYear, unitCode, directory)) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Tài khoản này không được xem số liệu của đơn vị " + unitCode + " năm " + reviewYear + ".",
                    "This account may not see the figures of unit " + unitCode + " for " + reviewYear + "."))
                    .with("rule", "unitCode.notPermitted");
        }
        UnitPage page;
        try {
            page = pages.load(ReportDatabases.connected(database), reviewYear, lineage.get()).orElseThrow(() -> new ApiProblem(404,
                    "figures-not-found", new Message("Chưa có số liệu rà soát năm " + reviewYear + " của đơn vị " + unitCode + ".",
                            "There are no review figures of unit " + unitCode + " for " + reviewYear + " yet.")));
        } catch (JdbiException e) {
            throw ReportDatabases.unavailable(e);
        }
        ctx.header("Cache-Control", "no-store").json(page);
    }
}
