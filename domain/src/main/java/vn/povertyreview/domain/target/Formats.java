package vn.povertyreview.domain.target;

import java.math.BigDecimal;

/**
 * Numbers as the alert sentences print them: Vietnamese groups thousands with "." and separates
 * decimals with ",", English the other way round. Hand-written rather than locale data so that a
 * JDK's locale tables cannot change what an officer reads.
 */
final class Formats {

    private Formats() {
    }

    /** {@code value} with exactly its own decimals, in Vietnamese ({@code vietnamese}) or English. */
    static String number(BigDecimal value, boolean vietnamese) {
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(vietnamese ? '.' : ',');
            }
            out.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            out.append(vietnamese ? ',' : '.').append(fraction);
        }
        return out.toString();
    }

    static String number(long value, boolean vietnamese) {
        return number(BigDecimal.valueOf(value), vietnamese);
    }

    /**
     * A rate or a difference of rates: two decimals as reports print them, more (up to the four of
     * {@link vn.povertyreview.domain.rollup.Rates#SCALE}) only when they are not zero, so that a
     * gap of 0.0035 points does not read as none.
     */
    static String points(BigDecimal value, boolean vietnamese) {
        BigDecimal stripped = value.stripTrailingZeros();
        return number(stripped.scale() < 2 ? stripped.setScale(2) : stripped, vietnamese);
    }
}
