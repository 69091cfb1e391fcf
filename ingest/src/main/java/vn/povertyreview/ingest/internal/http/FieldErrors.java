package vn.povertyreview.ingest.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.domain.review.RuleViolation;

/** Rule violations as they appear in response bodies, with the message in the client's language. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<Map<String, Object>> of(List<RuleViolation> violations, Language language) {
        return violations.stream().map(v -> of(v, language)).toList();
    }

    public static Map<String, Object> of(RuleViolation v, Language language) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", v.field());
        error.put("rule", v.rule());
        error.put("message", language == Language.EN ? v.messageEn() : v.messageVi());
        error.put("messageVi", v.messageVi());
        error.put("messageEn", v.messageEn());
        return error;
    }

    /** 400 for a small request body (not a review upload) that breaks the listed rules. */
    public static ApiProblem invalidRequest(List<RuleViolation> violations, Language language) {
        return ApiProblem.badRequest("invalid-request", new Message(
                        "Yêu cầu không hợp lệ: " + violations.get(0).messageVi(),
                        "Invalid request: " + violations.get(0).messageEn()))
                .with("errors", of(violations, language));
    }
}
