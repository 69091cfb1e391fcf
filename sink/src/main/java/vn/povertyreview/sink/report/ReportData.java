package vn.povertyreview.sink.report;

import java.util.List;

/**
 * What a report of one unit and review year reads from the database: the unit's own figures, those
 * of the units directly under it (in code order), the review progress and the targets of the unit
 * and of those units (the unit first). Immutable.
 */
public record ReportData(int reviewYear, UnitFigures unit, List<UnitFigures> children, List<ProgressRow> progress,
        List<TargetRow> targets) {

    public ReportData {
        children = List.copyOf(children);
        progress = List.copyOf(progress);
        targets = List.copyOf(targets);
    }
}
