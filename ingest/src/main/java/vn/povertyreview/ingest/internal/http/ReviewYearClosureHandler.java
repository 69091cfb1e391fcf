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
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.target.UnitCodes;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.UnitKey;

/**
 * Closing and reopening a review year for a unit, admin only. A closure covers the unit and every
 * unit under it: its figures of that year are final, and a target missed at closing is reported.
 * <ul>
 *   <li>{@code POST /api/v1/review-years/{reviewYear}/closures} {@code {"unitCode": "38"}}: writes a
 *       {@link ReviewYearClosure} with key {@code <reviewYear>/<unitCode>}; 201, or 200 with the
 *       existing closure (nothing written) when the year is closed for the unit already.
 *   <li>{@code DELETE /api/v1/review-years/{reviewYear}/closures/{unitCode}}: reopens it with a
 *       tombstone; 404 when it is not closed.
 * </ul>
 * A closing or reopening that changes something has its audit event, in the same transaction.
 * Thread-safe.
 */
public final class ReviewYearClosureHandler {

    private static final Set<String> FIELDS = Set.of("unitCode");

    private final Access access;
    private final JsonBodies bodies;
    private final UnitCodes units;
    private final Topic<String, ReviewYearClosure> topic;
    private final KeyedView<ReviewYearClosure> closures;
    private final ProducerPool producers;
    private final AuditRecords audit;
    private final Clock clock;

    public ReviewYearClosureHandler(Access access, JsonBodies bodies, UnitCodes units,
            Topic<String, ReviewYearClosure> topic, KeyedView<ReviewYearClosure> closures, ProducerPool producers,
            AuditRecords audit, Clock clock) {
        this.access = access;
        this.bodies = bodies;
        this.units = units;
        this.topic = topic;
        this.closures = closures;
        this.producers = producers;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /api/v1/review-years/{reviewYear}/closures}. */
    public void close(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        ObjectNode body = bodies.object(ctx, FIELDS);
        JsonNode unitNode = body.get("unitCode");
        if (unitNode == null || !unitNode.isTextual() || unitNode.textValue().isBlank()) {
            throw FieldErrors.invalidRequest(List.of(new RuleViolation("unitCode", "unitCode.required",
                    "Thiếu mã đơn vị cần khóa số liệu (chuỗi, ví dụ \"38\").",
                    "The code of the unit to close the year for is missing (a string, e.g. \"38\").")),
                    Requests.language(ctx));
        }
        String unitCode = unitNode.textValue().strip();
        Optional<RuleViolation> unknown = units.check(unitCode, reviewYear);
        if (unknown.isPresent()) {
            throw FieldErrors.invalidRequest(List.of(unknown.get()), Requests.language(ctx));
        }

        String key = new UnitKey(reviewYear, unitCode).toString();
        Optional<ReviewYearClosure> existing = closures.get(key);
        if (existing.isPresent()) {
            ctx.status(200).json(json(key, existing.get()));
            return;
        }
        Instant closedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReviewYearClosure closure = ReviewYearClosure.newBuilder()
                .setUnitCode(unitCode)
                .setReviewYear(reviewYear)
                .setClosedAt(closedAt)
                .setClosedBy(caller.tokenId())
                .build();
        producers.commit(List.of(OutgoingRecord.of(topic, key, closure),
                audit.yearClosed(Requests.actor(ctx, caller), reviewYear, unitCode)));
        closures.apply(key, closure);
        ctx.status(201).json(json(key, closure));
    }

    /** {@code DELETE /api/v1/review-years/{reviewYear}/closures/{unitCode}}. */
    public void reopen(Context ctx) {
        Caller caller = access.admin(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = ctx.pathParam("unitCode");
        String key = new UnitKey(reviewYear, unitCode).toString();
        if (closures.get(key).isEmpty()) {
            throw new ApiProblem(404, "closure-not-found", new Message(
                    "Năm rà soát " + reviewYear + " chưa khóa cho đơn vị " + unitCode + ".",
                    "Review year " + reviewYear + " is not closed for unit " + unitCode + "."))
                    .with("key", key);
        }
        producers.commit(List.of(OutgoingRecord.of(topic, key, null),
                audit.yearReopened(Requests.actor(ctx, caller), reviewYear, unitCode)));
        closures.apply(key, null);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("reopened", true);
        response.put("key", key);
        response.put("reviewYear", reviewYear);
        response.put("unitCode", unitCode);
        ctx.status(202).json(response);
    }

    private static Map<String, Object> json(String key, ReviewYearClosure closure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("unitCode", closure.getUnitCode());
        json.put("reviewYear", closure.getReviewYear());
        json.put("closedAt", closure.getClosedAt().toString());
        json.put("closedBy", closure.getClosedBy());
        return json;
    }
}
