package vn.povertyreview.sink.report;

import java.util.List;

/** A row of a report table, one value per column. Immutable. */
public record ReportLine(Kind kind, List<ReportValue> values) {

    /** What a row stands for. */
    public enum Kind {
        /** A unit directly under the report's unit (or the unit itself when nothing is under it). */
        UNIT,
        /** The sum of the {@link #UNIT} rows above it, with its rates from the summed counts. */
        TOTAL,
        /** The report unit's own figures, shown when they differ from the total of the rows. */
        OWN,
        /** A sentence for the reader, in its first cell. */
        NOTE
    }

    public ReportLine {
        values = List.copyOf(values);
    }
}
