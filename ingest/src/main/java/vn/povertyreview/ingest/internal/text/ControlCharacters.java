package vn.povertyreview.ingest.internal.text;

import java.util.Optional;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * The rule every submitted text obeys: no control characters (NUL, tab, line breaks, DEL and the
 * C1 range). None has a place in a code, an id, a name or a label; a stray one, often left by a
 * spreadsheet export, would otherwise end up inside a stored code or in a log line.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * The violation of rule {@code <field>.controlCharacter} if {@code value} holds a control
     * character; {@code vietnameseField} names the field for a commune officer.
     */
    public static Optional<RuleViolation> check(String field, String vietnameseField, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                String code = String.format("U+%04X", (int) c);
                return Optional.of(new RuleViolation(field, field + ".controlCharacter",
                        "Trường " + field + " (" + vietnameseField + ") chứa ký tự điều khiển " + code
                                + " ở vị trí " + (i + 1) + ", không được phép; hãy gõ lại giá trị này.",
                        "Field " + field + " contains the control character " + code + " at position " + (i + 1)
                                + ", which is not allowed; type the value again."));
            }
        }
        return Optional.empty();
    }
}
