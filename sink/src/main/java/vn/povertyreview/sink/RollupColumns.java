package vn.povertyreview.sink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;

/**
 * The columns of {@code unit_rollup} the sink writes, and its upsert, generated from {@link Figure}
 * and {@link Measure}: the one place that lists them, so a new figure needs only a migration that
 * adds its column. Stateless.
 */
final class RollupColumns {

    /** The key and the unit's description, before the figures. */
    static final List<String> UNIT = List.of("unit_code", "review_year", "map_id", "unit_level", "unit_name", "parent_code");
    /** After the figures and measures. */
    static final List<String> VERSION = List.of("revision", "updated_at");
    private static final Figure[] FIGURES = Figure.values();
    private static final Measure[] MEASURES = Measure.values();

    /** Every column the sink writes, in statement order. */
    static final List<String> ALL = all();

    /**
     * Inserts a row, or replaces every column of the stored one if it has a lower revision: an older
     * rollup arriving late, or a replayed one, changes nothing.
     */
    static final String UPSERT = upsert();

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

    private static String upsert() {
        String updates = ALL.stream()
                .filter(column -> !column.equals("unit_code") && !column.equals("review_year"))
                .map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(",\n       "));
        return "INSERT INTO unit_rollup (" + String.join(", ", ALL) + ")\n"
                + "VALUES (" + ALL.stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")\n"
                + "ON CONFLICT (unit_code, review_year) DO UPDATE\n"
                + "   SET " + updates + "\n"
                + " WHERE unit_rollup.revision < EXCLUDED.revision";
    }

    /** Binds one row to the parameters of {@link #UPSERT} and adds it to the batch; a missing figure or measure binds NULL. */
    static void add(PreparedBatch batch, RollupRow row) {
        batch.bind("unit_code", row.unitCode())
                .bind("review_year", row.reviewYear())
                .bind("map_id", row.mapId())
                .bind("unit_level", row.unitLevel())
                .bind("unit_name", row.unitName())
                .bindByType("parent_code", row.parentCode(), String.class);
        for (Figure figure : FIGURES) {
            batch.bindByType(figure.column(), row.figure(figure), Long.class);
        }
        for (Measure measure : MEASURES) {
            batch.bindByType(measure.column(), row.measure(measure), BigDecimal.class);
        }
        batch.bind("revision", row.revision())
                .bind("updated_at", row.updatedAt())
                .add();
    }
}
