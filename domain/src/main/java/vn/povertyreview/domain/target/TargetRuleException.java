package vn.povertyreview.domain.target;

import java.util.Objects;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * A target, a count or an assessment's input that breaks a rule. The message is the English text
 * a commune officer reads; {@link #violation()} adds the field, a stable rule name machines can
 * match on (such as {@code value.wholeHouseholds}) and the Vietnamese text, so that an HTTP
 * handler can answer with the same structured body as for a rejected review.
 */
public final class TargetRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient RuleViolation violation;

    public TargetRuleException(RuleViolation violation) {
        super(Objects.requireNonNull(violation, "violation").messageEn());
        this.violation = violation;
    }

    static TargetRuleException of(String field, String rule, String messageVi, String messageEn) {
        return new TargetRuleException(new RuleViolation(field, rule, messageVi, messageEn));
    }

    /** The broken rule, with the field, the stable rule name and both messages. */
    public RuleViolation violation() {
        return violation;
    }

    /** The stable name of the broken rule, such as {@code poorHouseholds.atMostTotal}. */
    public String rule() {
        return violation.rule();
    }

    /** The field that breaks the rule, such as {@code value}. */
    public String field() {
        return violation.field();
    }
}
