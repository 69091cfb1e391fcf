package vn.povertyreview.sink.targets;

import java.math.BigDecimal;

/** Reads the plain decimal strings of the target records. Stateless. */
final class Decimals {

    private Decimals() {
    }

    /**
     * The text as a decimal number.
     *
     * @throws IllegalArgumentException naming the field and the record when it is not a plain decimal number
     */
    static BigDecimal parse(String text, String field, String record) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(field + " of " + record + " is not a decimal number: '" + text + "'", e);
        }
    }
}
