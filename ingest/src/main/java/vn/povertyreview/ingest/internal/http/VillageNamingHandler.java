package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.HouseholdPlace;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.review.IdentifierChecks;
import vn.povertyreview.ingest.internal.text.ControlCharacters;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.UnitLevel;

/**
 * {@code PUT /api/v1/villages/{communeCode}/{villageCode}} (admin): registers or renames a village.
 * Villages are in no national list; a commune registers them, and rollups show this name instead
 * of the bare code. The village belongs to the commune in the map of the given review year (by
 * default the current two-level map). The naming's audit event is written in the same
 * transaction. Thread-safe.
 */
public final class VillageNamingHandler implements Handler {

    /** What every registered village is called as a kind of unit. */
    public static final String VILLAGE_TYPE = "Thôn/Tổ dân phố";
    static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("name", "reviewYear");

    private final Access access;
    private final JsonBodies bodies;
    private final AdminMaps maps;
    private final IdentifierChecks identifiers;
    private final Topic<String, AdminUnit> adminUnits;
    private final KeyedView<AdminUnit> villages;
    private final ProducerPool producers;
    private final AuditRecords audit;

    public VillageNamingHandler(Access access, JsonBodies bodies, AdminMaps maps, IdentifierChecks identifiers,
            Topic<String, AdminUnit> adminUnits, KeyedView<AdminUnit> villages, ProducerPool producers, AuditRecords audit) {
        this.access = access;
        this.bodies = bodies;
        this.maps = maps;
        this.identifiers = identifiers;
        this.adminUnits = adminUnits;
        this.villages = villages;
        this.producers = producers;
        this.audit = audit;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        String communeCode = ctx.pathParam("communeCode");
        String villageCode = ctx.pathParam("villageCode");
        ObjectNode body = bodies.object(ctx, FIELDS);

        List<RuleViolation> violations = new ArrayList<>();
        String name = name(body.get("name"), violations);
        int reviewYear = reviewYear(body.get("reviewYear"), violations);
        AdminMap map = maps.forReviewYear(reviewYear);
        if (map.unit(vn.povertyreview.domain.admin.UnitLevel.COMMUNE, communeCode).isEmpty()) {
            violations.add(new RuleViolation("communeCode", "communeCode.unknown",
                    "Mã xã " + communeCode + " không có trong danh mục hành chính " + map.id() + ".",
                    "There is no commune " + communeCode + " in administrative map " + map.id() + "."));
        }
        violations.addAll(identifiers.villageCode(villageCode));
        if (!violations.isEmpty()) {
            throw FieldErrors.invalidRequest(violations, Requests.language(ctx));
        }

        String code = HouseholdPlace.villageUnitCode(communeCode, villageCode);
        AdminUnit unit = AdminUnit.newBuilder()
                .setMapId(map.id())
                .setCode(code)
                .setLevel(UnitLevel.VILLAGE)
                .setName(name)
                .setType(VILLAGE_TYPE)
                .setParentCode(communeCode)
                .build();
        String key = map.id() + "/" + code;
        producers.commit(List.of(OutgoingRecord.of(adminUnits, key, unit),
                audit.villageNamed(Requests.actor(ctx, caller), reviewYear, map.id(), code, name)));
        villages.apply(key, unit); // read at once by this instance's template, before the follower sees it

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("mapId", unit.getMapId());
        response.put("code", unit.getCode());
        response.put("level", unit.getLevel().name());
        response.put("name", unit.getName());
        response.put("type", unit.getType());
        response.put("parentCode", unit.getParentCode());
        ctx.status(202).json(response);
    }

    private static String name(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            violations.add(new RuleViolation("name", "name.required", "Thiếu tên thôn/tổ dân phố.", "The village name is missing."));
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new RuleViolation("name", "name.type", "Tên thôn phải là chuỗi ký tự.", "The village name must be a string."));
            return null;
        }
        // Kept exactly as typed apart from surrounding spaces: diacritics must round-trip unchanged.
        String name = node.textValue().strip();
        if (name.length() > MAX_NAME_LENGTH) {
            violations.add(new RuleViolation("name", "name.tooLong",
                    "Tên thôn dài quá " + MAX_NAME_LENGTH + " ký tự.", "The village name is longer than " + MAX_NAME_LENGTH + " characters."));
            return null;
        }
        Optional<RuleViolation> control = ControlCharacters.check("name", "tên thôn/tổ dân phố", name);
        if (control.isPresent()) {
            violations.add(control.get());
            return null;
        }
        return name;
    }

    private static int reviewYear(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return AdminMaps.FIRST_TWO_LEVEL_YEAR;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && ReviewYears.isSupported(node.intValue())) {
            return node.intValue();
        }
        violations.add(new RuleViolation("reviewYear", "reviewYear.range",
                "Năm rà soát phải là số từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST + ".",
                "The review year must be a number from " + ReviewYears.FIRST + " to " + ReviewYears.LAST + "."));
        return AdminMaps.FIRST_TWO_LEVEL_YEAR;
    }
}
