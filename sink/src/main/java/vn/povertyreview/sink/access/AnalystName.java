package vn.povertyreview.sink.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of an analyst, which is also the name of its PostgreSQL login role: lower-case letters
 * without accents, digits and '_', starting with a letter, at most 63 characters (PostgreSQL's
 * limit). So it needs no quoting anywhere and cannot be confused with another role's name by case.
 * Names PostgreSQL reserves ({@code pg_...}) and the product's own roles are refused.
 *
 * <p>Immutable.
 */
public record AnalystName(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public AnalystName {
        Objects.requireNonNull(value, "analyst name");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("analyst name '" + value + "' must be lower-case letters without accents, digits"
                    + " and '_', start with a letter and have at most 63 characters (e.g. thanh_hoa_thong_ke)");
        }
        if (value.startsWith("pg_") || value.equals("postgres") || value.startsWith("poverty_")) {
            throw new IllegalArgumentException("analyst name '" + value + "' is reserved (pg_..., postgres, poverty_...)");
        }
    }

    /** The name as an SQL identifier. */
    String quoted() {
        return "\"" + value + "\"";
    }

    @Override
    public String toString() {
        return value;
    }
}
