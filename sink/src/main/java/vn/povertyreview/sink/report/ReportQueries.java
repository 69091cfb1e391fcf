package vn.povertyreview.sink.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.target.TargetKind;
import vn.povertyreview.domain.target.TargetMeasure;
import vn.povertyreview.domain.target.TargetStatus;

/**
 * The reads behind the reports: one unit and review year with the units directly under it, from
 * {@code unit_rollup}, {@code review_progress} and {@code target_status}, in one read-only
 * transaction so that the sheets of a report agree with each other. Counts only: rates are computed
 * from them where they are shown. Thread-safe: every call opens its own handle.
 */
public final class ReportQueries {

    private final Jdbi jdbi;

    public ReportQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The report's data, or empty when the unit has no figures in that year. */
    public Optional<ReportData> load(int reviewYear, String unitCode) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            List<UnitFigures> units = handle.createQuery("""
                            SELECT * FROM unit_rollup
                             WHERE review_year = :year AND (unit_code = :unit OR parent_code = :unit)
                             ORDER BY unit_code""")
                    .bind("year", reviewYear)
                    .bind("unit", unitCode)
                    .map((rs, ctx) -> unitFigures(rs))
                    .list();
            Optional<UnitFigures> unit = units.stream().filter(figures -> figures.unitCode().equals(unitCode)).findFirst();
            if (unit.isEmpty()) {
                return Optional.<ReportData>empty();
            }
            List<UnitFigures> children = units.stream().filter(figures -> !figures.unitCode().equals(unitCode)).toList();
            return Optional.of(new ReportData(reviewYear, unit.get(), children, progress(handle, reviewYear, unitCode),
                    targets(handle, reviewYear, unitCode)));
        });
    }

    /**
     * The unit's figures in every review year of the map {@code mapId}, oldest first: the points of
     * its trend. Only one map's years, because a code of another map may be another unit (a 2025
     * commune is not the 2024 commune of the same code when communes were merged into it).
     */
    public List<UnitYear> trend(String unitCode, String mapId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM unit_rollup
                         WHERE unit_code = :unit AND map_id = :map
                         ORDER BY review_year""")
                .bind("unit", unitCode)
                .bind("map", mapId)
                .map((rs, ctx) -> new UnitYear(rs.getInt("review_year"), unitFigures(rs)))
                .list());
    }

    /**
     * The households of the unit (the nation, a province, district, commune or village, by
     * {@code level}) whose review disagrees with the standard, by opaque id in id order, at most
     * {@code limit} of them.
     */
    public List<DisagreeingHousehold> disagreements(int reviewYear, String unitCode, String level, int limit) {
        String where = switch (level) {
            // The nation's code is bound like any other, so that every query binds the same parameters.
            case "NATION" -> ":unit = 'VN'";
            case "PROVINCE" -> "province_code = :unit";
            case "DISTRICT" -> "district_code = :unit";
            case "COMMUNE" -> "commune_code = :unit";
            case "VILLAGE" -> "village_unit_code = :unit";
            default -> throw new IllegalArgumentException("no such unit level: " + level);
        };
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT household_id, village_unit_code, reviewer_classification, standard_classification, deprivation_count"
                                + " FROM classification_disagreement WHERE review_year = :year AND " + where
                                + " ORDER BY household_id LIMIT :limit")
                .bind("year", reviewYear)
                .bind("unit", unitCode)
                .bind("limit", limit)
                .map((rs, ctx) -> new DisagreeingHousehold(rs.getString("household_id"), rs.getString("village_unit_code"),
                        Classification.valueOf(rs.getString("reviewer_classification")),
                        Classification.valueOf(rs.getString("standard_classification")), rs.getInt("deprivation_count")))
                .list());
    }

    /**
     * The open alerts, newest first, at most {@code limit}: alerts whose target's current status is
     * still at risk or missed, so that an alert the unit has since recovered from is not listed.
     */
    public List<OpenAlert> openAlerts(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.* FROM target_gap_alert a
                          JOIN target_status s ON s.review_year = a.review_year AND s.unit_code = a.unit_code
                                              AND s.measure = a.measure
                         WHERE a.status IN ('AT_RISK', 'MISSED') AND s.status IN ('AT_RISK', 'MISSED')
                         ORDER BY a.raised_at DESC, a.alert_id
                         LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> openAlert(rs))
                .list());
    }

    /** The alert with this id, as the sink stored it; empty when there is none. */
    public Optional<OpenAlert> alert(String alertId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM target_gap_alert WHERE alert_id = :id")
                .bind("id", alertId)
                .map((rs, ctx) -> openAlert(rs))
                .findOne());
    }

    private static OpenAlert openAlert(ResultSet rs) throws SQLException {
        return new OpenAlert(rs.getString("alert_id"), rs.getInt("review_year"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("measure"), rs.getString("status"), rs.getString("previous_status"),
                rs.getLong("gap_households"), rs.getBigDecimal("completion_percent"), rs.getString("message_vi"),
                rs.getString("message_en"), rs.getObject("raised_at", OffsetDateTime.class));
    }

    private static UnitFigures unitFigures(ResultSet rs) throws SQLException {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            long count = rs.getLong(figure.column());
            if (!rs.wasNull()) {
                figures.put(figure, count);
            }
        }
        Map<Measure, BigDecimal> measures = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            if (!measure.isRate()) {
                BigDecimal ratio = rs.getBigDecimal(measure.column());
                if (ratio != null) {
                    measures.put(measure, ratio);
                }
            }
        }
        return new UnitFigures(rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("unit_level"),
                rs.getString("parent_code"), figures, measures);
    }

    /** The unit first, then the units under it in code order. */
    private static List<ProgressRow> progress(Handle handle, int reviewYear, String unitCode) {
        return handle.createQuery("""
                        SELECT unit_code, unit_name, reviewed_households, expected_households, expected_source, last_change_at
                          FROM review_progress
                         WHERE review_year = :year AND (unit_code = :unit OR parent_code = :unit)
                         ORDER BY unit_code <> :unit, unit_code""")
                .bind("year", reviewYear)
                .bind("unit", unitCode)
                .map((rs, ctx) -> {
                    long expected = rs.getLong("expected_households");
                    return new ProgressRow(rs.getString("unit_code"), rs.getString("unit_name"), rs.getLong("reviewed_households"),
                            rs.wasNull() ? null : expected, "SET".equals(rs.getString("expected_source")),
                            rs.getObject("last_change_at", OffsetDateTime.class));
                })
                .list();
    }

    /** The unit's targets first, then those of the units directly under it, in code and measure order. */
    private static List<TargetRow> targets(Handle handle, int reviewYear, String unitCode) {
        return handle.createQuery("""
                        SELECT s.* FROM target_status s
                         WHERE s.review_year = :year
                           AND (s.unit_code = :unit
                                OR s.unit_code IN (SELECT u.unit_code FROM unit_rollup u
                                                    WHERE u.review_year = :year AND u.parent_code = :unit))
                         ORDER BY s.unit_code <> :unit, s.unit_code, s.measure""")
                .bind("year", reviewYear)
                .bind("unit", unitCode)
                .map((rs, ctx) -> new TargetRow(rs.getString("unit_code"), rs.getString("unit_name"),
                        TargetMeasure.valueOf(rs.getString("measure")), TargetKind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("target_value"), rs.getLong("baseline_poor_households"),
                        rs.getLong("baseline_total_households"), rs.getLong("current_poor_households"),
                        rs.getLong("current_total_households"), rs.getLong("target_end_households"), rs.getLong("gap_households"),
                        rs.getBigDecimal("completion_percent"), TargetStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
