package vn.povertyreview.ingest.internal.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.domain.target.PovertyCount;
import vn.povertyreview.domain.target.Target;
import vn.povertyreview.domain.target.TargetKind;
import vn.povertyreview.domain.target.TargetMeasure;
import vn.povertyreview.domain.target.TargetRuleException;
import vn.povertyreview.ingest.internal.text.ControlCharacters;
import vn.povertyreview.schemas.ReductionTarget;

/**
 * Turns one target of a {@code PUT /api/v1/targets} body into a {@link ReductionTarget}, or into
 * every rule it breaks. The JSON's shape is checked here (types, names of enum values, unknown
 * fields); what a target may say is decided by the domain's {@link Target}, whose
 * {@link TargetRuleException} is passed on with its stable rule name; the unit must exist in the
 * review year's map ({@link UnitCodes}). Thread-safe.
 */
public final class TargetRecords {

    public static final Set<String> FIELDS = Set.of("unitCode", "reviewYear", "measure", "kind", "value",
            "baselinePoorHouseholds", "baselineTotalHouseholds");
    /** The domain names a baseline's counts as a count does; the request names them as the target does. */
    private static final Map<String, String> BASELINE_FIELDS = Map.of(
            "poorHouseholds", "baselinePoorHouseholds", "totalHouseholds", "baselineTotalHouseholds");

    private final UnitCodes units;

    public TargetRecords(UnitCodes units) {
        this.units = units;
    }

    /** One judged target: the record to write, or the rules it breaks (never both). */
    public record Judged(ReductionTarget target, List<RuleViolation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * Judges one element of the body.
     *
     * @param setAt when the request arrived
     * @param setBy the id of the token that sets it
     */
    public Judged judge(JsonNode node, Instant setAt, String setBy) {
        if (node == null || !node.isObject()) {
            return invalid(List.of(new RuleViolation("target", "target.type",
                    "Mỗi chỉ tiêu phải là một đối tượng JSON {...}.", "Each target must be a JSON object {...}.")));
        }
        List<RuleViolation> violations = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                violations.add(new RuleViolation(name, "field.unknown",
                        "Trường '" + name + "' không dùng cho chỉ tiêu. Các trường hợp lệ: " + String.join(", ", FIELDS) + ".",
                        "Field '" + name + "' is not used in a target. Valid fields: " + String.join(", ", FIELDS) + "."));
            }
        });
        String unitCode = unitCode(node.get("unitCode"), violations);
        Integer reviewYear = reviewYear(node.get("reviewYear"), violations);
        TargetMeasure measure = measure(node.get("measure"), violations);
        TargetKind kind = kind(node.get("kind"), violations);
        BigDecimal value = value(node.get("value"), violations);
        Long baselinePoor = count(node, "baselinePoorHouseholds", violations);
        Long baselineTotal = count(node, "baselineTotalHouseholds", violations);
        if ((baselinePoor == null) != (baselineTotal == null) && violations.isEmpty()) {
            String missing = baselinePoor == null ? "baselinePoorHouseholds" : "baselineTotalHouseholds";
            violations.add(new RuleViolation(missing, "baseline.incomplete",
                    "Số liệu đầu kỳ phải ghi cả số hộ nghèo (baselinePoorHouseholds) và tổng số hộ (baselineTotalHouseholds), hoặc bỏ trống cả hai.",
                    "A stated baseline gives both the poor households (baselinePoorHouseholds) and all households "
                            + "(baselineTotalHouseholds), or neither."));
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        Target target;
        try {
            Optional<PovertyCount> baseline = baselinePoor == null
                    ? Optional.empty()
                    : Optional.of(new PovertyCount(baselinePoor, baselineTotal));
            target = new Target(unitCode, reviewYear, measure, kind, value, baseline);
        } catch (TargetRuleException e) {
            RuleViolation v = e.violation();
            return invalid(List.of(new RuleViolation(BASELINE_FIELDS.getOrDefault(v.field(), v.field()), v.rule(),
                    v.messageVi(), v.messageEn())));
        }
        Optional<RuleViolation> unknownUnit = units.check(target.unitCode(), target.reviewYear());
        if (unknownUnit.isPresent()) {
            return invalid(List.of(unknownUnit.get()));
        }
        return new Judged(ReductionTarget.newBuilder()
                .setUnitCode(target.unitCode())
                .setReviewYear(target.reviewYear())
                .setMeasure(vn.povertyreview.schemas.TargetMeasure.valueOf(target.measure().name()))
                .setKind(vn.povertyreview.schemas.TargetKind.valueOf(target.kind().name()))
                .setValue(target.value().toPlainString())
                .setBaselinePoorHouseholds(target.statedBaseline().map(PovertyCount::poorHouseholds).orElse(null))
                .setBaselineTotalHouseholds(target.statedBaseline().map(PovertyCount::totalHouseholds).orElse(null))
                .setSetAt(setAt)
                .setSetBy(setBy)
                .build(), List.of());
    }

    private static Judged invalid(List<RuleViolation> violations) {
        return new Judged(null, List.copyOf(violations));
    }

    /** Null when absent, which the domain reports as {@code unitCode.required}. */
    private static String unitCode(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new RuleViolation("unitCode", "unitCode.type",
                    "Mã đơn vị phải là chuỗi ký tự, ví dụ \"38\" hoặc \"15271-TK1\".",
                    "The unit code must be a string, e.g. \"38\" or \"15271-TK1\"."));
            return null;
        }
        String code = node.textValue().strip();
        Optional<RuleViolation> control = ControlCharacters.check("unitCode", "mã đơn vị", code);
        if (control.isPresent()) {
            violations.add(control.get());
            return null;
        }
        return code;
    }

    private static Integer reviewYear(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new RuleViolation("reviewYear", "reviewYear.required",
                    "Thiếu năm rà soát của chỉ tiêu.", "The target's review year is missing."));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            violations.add(new RuleViolation("reviewYear", "reviewYear.type",
                    "Năm rà soát phải là số nguyên, ví dụ 2025.", "The review year must be a whole number, e.g. 2025."));
            return null;
        }
        return node.intValue();
    }

    /** {@code POVERTY_RATE} when absent. */
    private static TargetMeasure measure(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return TargetMeasure.POVERTY_RATE;
        }
        TargetMeasure measure = node.isTextual() ? enumValue(TargetMeasure.class, node.textValue()) : null;
        if (measure == null) {
            violations.add(new RuleViolation("measure", "measure.unknown",
                    "Loại tỷ lệ phải là POVERTY_RATE (tỷ lệ hộ nghèo) hoặc ETHNIC_MINORITY_POVERTY_RATE (tỷ lệ hộ nghèo dân tộc thiểu số).",
                    "The measure must be POVERTY_RATE or ETHNIC_MINORITY_POVERTY_RATE."));
        }
        return measure;
    }

    /** Null when absent, which the domain reports as {@code kind.required}. */
    private static TargetKind kind(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        TargetKind kind = node.isTextual() ? enumValue(TargetKind.class, node.textValue()) : null;
        if (kind == null) {
            violations.add(new RuleViolation("kind", "kind.unknown",
                    "Hình thức giao phải là RATE_POINTS, HOUSEHOLDS, BASELINE_PERCENT hoặc END_RATE.",
                    "The kind must be RATE_POINTS, HOUSEHOLDS, BASELINE_PERCENT or END_RATE."));
        }
        return kind;
    }

    /** A JSON number or a decimal string ("4.0", kept as written); null when absent ({@code value.required}). */
    private static BigDecimal value(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        violations.add(new RuleViolation("value", "value.format",
                "Mức giao phải là một số thập phân (dấu chấm), ví dụ 4.0 hoặc \"4.0\".",
                "The value must be a decimal number (with a point), e.g. 4.0 or \"4.0\"."));
        return null;
    }

    private static Long count(JsonNode object, String field, List<RuleViolation> violations) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            violations.add(new RuleViolation(field, field + ".type",
                    "Số hộ phải là số nguyên.", "A number of households must be a whole number."));
            return null;
        }
        return node.longValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
