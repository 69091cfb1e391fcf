package vn.povertyreview.sink.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;

/**
 * The columns of {@code unit_rollup} the sink writes, generated from {@link Figure} and
 * {@link Measure} (but the rates, generated columns of the table) and defined into the statements of {@link RollupDao}: the one place that lists
 * them, so a new figure needs only a migration that adds its column. Stateless.
 */
public final class RollupColumns {

    /** The key and the unit's description, before the figures. */
    static final List<String> UNIT = List.of("unit_code", "review_year", "map_id", "unit_level", "unit_name", "parent_code");
    /** After the figures and measures. */
    static final List<String> VERSION = List.of("revision", "updated_at");
    private static final Figure[] FIGURES = Figure.values();
    /**
     * The measures the sink writes: not the rates, which the database computes from the counts of
     * the row at full precision (migration V11), so that a report rounds them once.
     */
    private static final Measure[] MEASURES = Arrays.stream(Measure.values()).filter(measure -> !measure.isRate())
            .toArray(Measure[]::new);
    /** NULL in COPY's text format. */
    private static final String NULL = "\\N";

    /** Every column the sink writes, in statement order. */
    public static final List<String> ALL = all();

    /** Every column the sink writes, comma-separated: {@code <columns>} in the statements. */
    static final String LIST = String.join(", ", ALL);

    /** {@code column = EXCLUDED.column} for every column but the key: {@code <updates>} in the merge. */
    static final String UPDATES = ALL.stream()
            .filter(column -> !column.equals("unit_code") && !column.equals("review_year"))
            .map(column -> column + " = EXCLUDED." + column)
            .collect(Collectors.joining(",\n       "));

    /** Streams a batch's rows into the staging table, in PostgreSQL's text format ({@link #copyLine}). */
    static final String COPY_INCOMING = "COPY unit_rollup_incoming (" + LIST + ") FROM STDIN";

    private RollupColumns() {
    }

    private static List<String> all() {
        List<String> columns = new ArrayList<>(UNIT);
        for (Figure figure : FIGURES) {
            columns.add(figure.column());
        }
        for (Measure measure : MEASURES) {
            columns.add(measure.column());
        }
        columns.addAll(VERSION);
        return List.copyOf(columns);
    }

    /** Appends one row as a line of PostgreSQL's COPY text format; a missing figure or measure is NULL. */
    static void copyLine(StringBuilder out, RollupRow row) {
        text(out, row.unitCode());
        out.append('\t').append(row.reviewYear()).append('\t');
        text(out, row.mapId());
        out.append('\t');
        text(out, row.unitLevel());
        out.append('\t');
        text(out, row.unitName());
        out.append('\t');
        text(out, row.parentCode());
        for (Figure figure : FIGURES) {
            Long count = row.figure(figure);
            out.append('\t');
            if (count == null) {
                out.append(NULL);
            } else {
                out.append(count.longValue());
            }
        }
        for (Measure measure : MEASURES) {
            BigDecimal value = row.measure(measure);
            out.append('\t').append(value == null ? NULL : value.toPlainString());
        }
        out.append('\t').append(row.revision()).append('\t').append(row.updatedAt()).append('\n');
    }

    /** A text value, with COPY's escapes for backslash, tab and line breaks; null is NULL. */
    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
