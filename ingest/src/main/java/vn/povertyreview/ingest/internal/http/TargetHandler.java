package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditActor;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.target.TargetRecords;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.Topic;

/**
 * The reduction targets (chỉ tiêu giảm nghèo), admin only:
 * <ul>
 *   <li>{@code PUT /api/v1/targets}: sets one target (a JSON object) or many (an array). Every target
 *       is judged first; if all are valid they are written in one Kafka transaction (key
 *       {@code <reviewYear>/<unitCode>/<measure>}, replacing an earlier target of that key) and the
 *       answer is 202 with the keys; if any is not, nothing is written and the answer is 422 listing
 *       every invalid target by its index.
 *   <li>{@code GET /api/v1/targets?reviewYear=&unitCode=}: the current targets, as read back from the
 *       compacted topic (plus this instance's own writes at once), optionally filtered.
 *   <li>{@code DELETE /api/v1/targets/{reviewYear}/{unitCode}/{measure}}: deletes a target with a
 *       tombstone; 404 if there is none.
 * </ul>
 * Each target set or deleted has its audit event, in the same transaction. Thread-safe.
 */
public final class TargetHandler {

    private final Access access;
    private final JsonBodies bodies;
    private final TargetRecords records;
    private final Topic<String, ReductionTarget> topic;
    private final KeyedView<ReductionTarget> targets;
    private final ProducerPool producers;
    private final AuditRecords audit;
    private final Clock clock;

    public TargetHandler(Access access, JsonBodies bodies, TargetRecords records, Topic<String, ReductionTarget> topic,
            KeyedView<ReductionTarget> targets, ProducerPool producers, AuditRecords audit, Clock clock) {
        this.access = access;
        this.bodies = bodies;
        this.records = records;
        this.topic = topic;
        this.targets = targets;
        this.producers = producers;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code PUT /api/v1/targets}. */
    public void put(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        JsonNode body = bodies.tree(ctx);
        List<JsonNode> elements = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(elements::add);
        } else if (body.isObject()) {
            elements.add(body);
        } else {
            throw ApiProblem.badRequest("malformed-body", new Message(
                    "Nội dung phải là một chỉ tiêu {...} hoặc một mảng chỉ tiêu [{...}, ...].",
                    "The body must be a target {...} or an array of targets [{...}, ...]."));
        }
        if (elements.isEmpty()) {
            throw ApiProblem.badRequest("no-records", new Message(
                    "Nội dung gửi lên không có chỉ tiêu nào.", "The body contains no target."));
        }

        Instant setAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Language language = Requests.language(ctx);
        List<ReductionTarget> valid = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int index = 0; index < elements.size(); index++) {
            TargetRecords.Judged judged = records.judge(elements.get(index), setAt, caller.tokenId());
            List<RuleViolation> violations = judged.violations();
            if (judged.valid()) {
                String key = TargetKey.of(judged.target()).toString();
                Integer first = indexByKey.putIfAbsent(key, index);
                if (first == null) {
                    valid.add(judged.target());
                } else {
                    violations = List.of(new RuleViolation("unitCode", "target.duplicate",
                            "Chỉ tiêu " + key + " đã có ở chỉ tiêu thứ " + first + " của lần gửi này (đếm từ 0).",
                            "Target " + key + " is also target " + first + " of this request (counting from 0)."));
                }
            }
            if (!violations.isEmpty()) {
                rejected.add(rejection(index, elements.get(index), violations, language));
            }
        }
        if (!rejected.isEmpty()) {
            throw new ApiProblem(422, "invalid-targets", new Message(
                    "Có " + rejected.size() + " chỉ tiêu không hợp lệ; không chỉ tiêu nào được ghi.",
                    rejected.size() + " target(s) are invalid; none was written."))
                    .with("rejected", rejected);
        }

        AuditActor actor = Requests.actor(ctx, caller);
        List<OutgoingRecord> outgoing = new ArrayList<>();
        for (ReductionTarget target : valid) {
            outgoing.add(OutgoingRecord.of(topic, TargetKey.of(target).toString(), target));
            outgoing.add(audit.targetSet(actor, target));
        }
        producers.commit(outgoing);
        // Known here at once, without waiting for the follower to read them back.
        valid.forEach(target -> targets.apply(TargetKey.of(target).toString(), target));

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("written", valid.size());
        response.put("keys", valid.stream().map(target -> TargetKey.of(target).toString()).toList());
        response.put("targets", valid.stream().map(TargetHandler::json).toList());
        ctx.status(202).json(response);
    }

    /** {@code GET /api/v1/targets?reviewYear=&unitCode=}. */
    public void list(Context ctx) {
        access.admin(ctx);
        String yearText = ctx.queryParam("reviewYear");
        String unitCode = ctx.queryParam("unitCode");
        Predicate<ReductionTarget> filter = target -> true;
        if (yearText != null && !yearText.isBlank()) {
            int year = PathParams.reviewYear(yearText, ctx);
            filter = filter.and(target -> target.getReviewYear() == year);
        }
        if (unitCode != null && !unitCode.isBlank()) {
            String code = unitCode.strip();
            filter = filter.and(target -> target.getUnitCode().equals(code));
        }
        ctx.json(Map.of("targets", targets.values(filter).stream().map(TargetHandler::json).toList()));
    }

    /** {@code DELETE /api/v1/targets/{reviewYear}/{unitCode}/{measure}}. */
    public void delete(Context ctx) {
        Caller caller = access.admin(ctx);
        int reviewYear = PathParams.reviewYear(ctx.pathParam("reviewYear"), ctx);
        String unitCode = ctx.pathParam("unitCode");
        TargetMeasure measure = measure(ctx.pathParam("measure"), ctx);
        String key = new TargetKey(reviewYear, unitCode, measure).toString();
        if (targets.get(key).isEmpty()) {
            throw new ApiProblem(404, "target-not-found", new Message(
                    "Không có chỉ tiêu " + key + " (năm/đơn vị/loại tỷ lệ).",
                    "There is no target " + key + " (year/unit/measure)."))
                    .with("key", key);
        }
        producers.commit(List.of(OutgoingRecord.of(topic, key, null),
                audit.targetDeleted(Requests.actor(ctx, caller), reviewYear, unitCode, measure)));
        targets.apply(key, null);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("deleted", true);
        response.put("key", key);
        response.put("reviewYear", reviewYear);
        response.put("unitCode", unitCode);
        response.put("measure", measure.name());
        ctx.status(202).json(response);
    }

    /** A target as the API shows it; {@code value} is a string so that "4.0" stays as the plan wrote it. */
    static Map<String, Object> json(ReductionTarget target) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", TargetKey.of(target).toString());
        json.put("unitCode", target.getUnitCode());
        json.put("reviewYear", target.getReviewYear());
        json.put("measure", target.getMeasure().name());
        json.put("kind", target.getKind().name());
        json.put("value", target.getValue());
        json.put("baselinePoorHouseholds", target.getBaselinePoorHouseholds());
        json.put("baselineTotalHouseholds", target.getBaselineTotalHouseholds());
        json.put("setAt", target.getSetAt().toString());
        json.put("setBy", target.getSetBy());
        return json;
    }

    private static Map<String, Object> rejection(int index, JsonNode element, List<RuleViolation> violations,
            Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", index);
        JsonNode unitCode = element.isObject() ? element.get("unitCode") : null;
        json.put("unitCode", unitCode != null && unitCode.isTextual() ? unitCode.textValue() : null);
        json.put("errors", FieldErrors.of(violations, language));
        return json;
    }

    private static TargetMeasure measure(String text, Context ctx) {
        try {
            return TargetMeasure.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw FieldErrors.invalidRequest(List.of(new RuleViolation("measure", "measure.unknown",
                    "Loại tỷ lệ phải là POVERTY_RATE hoặc ETHNIC_MINORITY_POVERTY_RATE.",
                    "The measure must be POVERTY_RATE or ETHNIC_MINORITY_POVERTY_RATE.")), Requests.language(ctx));
        }
    }
}
