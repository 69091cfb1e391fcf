package vn.povertyreview.sink.report;

import java.util.List;

/**
 * One topic of a report, as a sheet of the workbook or a section of the CSV: its name, title and
 * columns, and its rows. Immutable.
 *
 * @param name a short name in Vietnamese, the sheet's name (at most 31 characters)
 * @param key  the topic in English, lower case and dashed, for the CSV
 */
public record ReportTable(String name, String key, String titleVi, String titleEn, List<ReportColumn> columns,
        List<ReportLine> lines) {

    public ReportTable {
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        if (name.length() > 31) {
            throw new IllegalArgumentException("a sheet name has at most 31 characters: " + name);
        }
        for (ReportLine line : lines) {
            if (line.kind() != ReportLine.Kind.NOTE && line.values().size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + key + " has " + line.values().size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }
}
