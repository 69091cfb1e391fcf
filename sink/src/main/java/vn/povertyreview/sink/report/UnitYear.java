package vn.povertyreview.sink.report;

/** A unit's figures in one review year, a point of its trend. Immutable. */
public record UnitYear(int reviewYear, UnitFigures figures) {
}
