package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.target.UnitCodes;
import vn.povertyreview.sink.report.ExpectedCounts;

/**
 * Setting the households a unit is expected to review in a year, admin only; the review progress
 * measures the households reviewed against it instead of the previous year's final count.
 * <ul>
 *   <li>{@code PUT /api/v1/expected-counts/{reviewYear}/{unitCode}} {@code {"households": 800}}: sets
 *       or replaces it; 200 with what is now set.
 *   <li>{@code DELETE /api/v1/expected-counts/{reviewYear}/{unitCode}}: the previous year's final
 *       count applies again; 404 when none was set.
 * </ul>
 * Written to the sink's database directly: one setting that nothing else derives from. Thread-safe.
 */
public final class ExpectedCountHandler {

    private static final Set<String> FIELDS = Set.of("households");

    private final Access access;
    private final JsonBodies bodies;
    private final UnitCodes units;
    private final ReportDatabase database;
    private final Clock clock;

    public ExpectedCountHandler(Access access, JsonBodies bodies, UnitCodes units, ReportDatabase database, Clock clock) {
        this.access = access;
        this.bodies = bodies;
        this.units = units;
        this.database = database;
        this.clock = clock;
    }

    /** {@code PUT /api/v1/expected-counts/{reviewYear}/{unitCode}}. */
    public void put(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = knownUnit(ctx, reviewYear);
        ObjectNode body = bodies.object(ctx, FIELDS);
        JsonNode households = body.get("households");
        if (households == null || !households.canConvertToExactIntegral() || !households.canConvertToLong()
                || households.longValue() < 0) {
            throw FieldErrors.invalidRequest(List.of(new RuleViolation("households", "households.range",
                    "Số hộ dự kiến phải là số nguyên không âm (ví dụ {\"households\": 800}).",
                    "The households expected must be a whole number, not negative (e.g. {\"households\": 800}).")),
                    Requests.language(ctx));
        }
        ExpectedCounts counts = new ExpectedCounts(ReportDatabases.connected(database));
        Instant setAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            counts.set(reviewYear, unitCode, households.longValue(), caller.tokenId(), setAt);
        } catch (JdbiException e) {
            throw ReportDatabases.unavailable(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("reviewYear", reviewYear);
        response.put("unitCode", unitCode);
        response.put("households", households.longValue());
        response.put("setBy", caller.tokenId());
        response.put("setAt", setAt.toString());
        ctx.status(200).json(response);
    }

    /** {@code DELETE /api/v1/expected-counts/{reviewYear}/{unitCode}}. */
    public void delete(Context ctx) {
        access.admin(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = ctx.pathParam("unitCode");
        boolean cleared;
        try {
            cleared = new ExpectedCounts(ReportDatabases.connected(database)).clear(reviewYear, unitCode);
        } catch (JdbiException e) {
            throw ReportDatabases.unavailable(e);
        }
        if (!cleared) {
            throw new ApiProblem(404, "expected-count-not-found", new Message(
                    "Chưa đặt số hộ dự kiến năm " + reviewYear + " cho đơn vị " + unitCode + ".",
                    "No expected count is set for unit " + unitCode + " in " + reviewYear + "."));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("cleared", true);
        response.put("reviewYear", reviewYear);
        response.put("unitCode", unitCode);
        ctx.status(200).json(response);
    }

    private String knownUnit(Context ctx, int reviewYear) {
        String unitCode = ctx.pathParam("unitCode");
        Optional<RuleViolation> unknown = units.check(unitCode, reviewYear);
        if (unknown.isPresent()) {
            throw FieldErrors.invalidRequest(List.of(unknown.get()), Requests.language(ctx));
        }
        return unitCode;
    }
}
