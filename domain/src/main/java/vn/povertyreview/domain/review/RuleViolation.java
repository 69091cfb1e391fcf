package vn.povertyreview.domain.review;

import java.util.Objects;

/**
 * One broken rule of one record: the field, a stable rule name machines can match on, and a
 * message a commune officer understands, in Vietnamese and in English.
 */
public record RuleViolation(String field, String rule, String messageVi, String messageEn) {

    public RuleViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    @Override
    public String toString() {
        return field + ": " + messageEn + " [" + rule + "]";
    }
}
