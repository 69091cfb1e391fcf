package vn.povertyreview.ingest.internal.body;

import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;

/**
 * Where a record of an XLSX upload is: its sheet and row, and the column of each field, so that an
 * error names its cell as a spreadsheet does ({@code Sheet1!F12}). Immutable.
 *
 * @param row           the row as the spreadsheet numbers it, from 1
 * @param columnOfField the column index (from 0) of each field the header names
 */
public record SheetRow(String sheet, int row, Map<String, Integer> columnOfField) {

    public SheetRow {
        columnOfField = Map.copyOf(columnOfField);
    }

    /** The cell holding the field in this row, as {@code Sheet1!F12}, if the header names the field. */
    public Optional<String> cellOf(String field) {
        Integer column = columnOfField.get(field);
        return column == null ? Optional.empty()
                : Optional.of(new CellReference(sheet, row - 1, column, false, false).formatAsString());
    }
}
