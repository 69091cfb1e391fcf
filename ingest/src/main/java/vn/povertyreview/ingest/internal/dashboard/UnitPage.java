package vn.povertyreview.ingest.internal.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the dashboard shows of one unit in one review year, as its JSON answer: the unit and the
 * units above it, named from the year's map; its figures and the units directly under it, worst
 * first; the trend of its rate over the years of that map; its movements with their balances; its
 * deprivations with the Alkire–Foster measures; its targets; the households whose classification
 * disagrees with the standard, by opaque id only; and where its report is. Rates are the shown ones,
 * computed from the counts and rounded once. Immutable.
 *
 * @param childLevel the level of the units under it in the year's map (no district from 2025 on); null for a village
 */
public record UnitPage(int reviewYear, String mapId, Unit unit, List<Unit> parents, String childLevel, Figures figures,
        List<Child> children, List<TrendPoint> trend, List<Balance> balances, Table movements, Table deprivations,
        AlkireFoster alkireFoster, List<Target> targets, List<Disagreement> disagreements, String reportXlsx,
        String reportCsv) {

    /** A unit of the year's map. */
    public record Unit(String code, String level, String name) {
    }

    /** Counts and their shown rates; a count is null when it is not set. */
    public record Figures(Long households, Long poor, BigDecimal poorRate, Long nearPoor, BigDecimal nearPoorRate) {
    }

    /**
     * A unit directly under the page's unit, with its review progress and the worst status of its
     * targets (null when it has none).
     */
    public record Child(Unit unit, Figures figures, long reviewed, Long expected, BigDecimal reviewedPercent,
            String targetStatus) {
    }

    /** The unit's figures in one review year. */
    public record TrendPoint(int reviewYear, Figures figures) {
    }

    /** One movement identity: its left side, its right side computed from the figures, and whether they agree. */
    public record Balance(String identity, String vietnamese, String english, String formula, long left, long right,
            boolean balanced) {
    }

    /** A table of counts as the report lays it out: bilingual headers and one row per unit, then the total. */
    public record Table(List<Column> columns, List<Row> rows) {
    }

    /** A column's headers and what its cells hold (TEXT, COUNT, RATE, TIME). */
    public record Column(String vietnamese, String english, String kind) {
    }

    /** A row (UNIT, TOTAL, OWN or NOTE) and its cells: text, a count, a rate in percent, a time, or null. */
    public record Row(String kind, List<Object> values) {
    }

    /** Headcount ratio H, average intensity A (null without multidimensionally poor households) and M0 = H × A, as ratios. */
    public record AlkireFoster(BigDecimal headcountRatio, BigDecimal intensity, BigDecimal adjustedHeadcount) {
    }

    /** A target of the unit or of a unit under it, with its completion and status. */
    public record Target(String unitCode, String unitName, String measure, String kind, BigDecimal targetValue,
            long gapHouseholds, BigDecimal completionPercent, String status, String statusVi, String statusEn) {
    }

    /** A household by its opaque id, with the two classifications that disagree. */
    public record Disagreement(String householdId, String villageUnitCode, String reviewer, String standard) {
    }
}
