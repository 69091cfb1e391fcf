package vn.povertyreview.sink.report;

/** A column of a report table: its headers in Vietnamese and English and what its cells hold. Immutable. */
public record ReportColumn(String vietnamese, String english, Kind kind) {

    /** What the cells of a column hold. */
    public enum Kind {
        TEXT, COUNT, RATE, TIME
    }
}
