package vn.povertyreview.ingest.internal.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.povertyreview.sink.report.ReportColumn;
import vn.povertyreview.sink.report.ReportLine;
import vn.povertyreview.sink.report.ReportTable;
import vn.povertyreview.sink.report.ReportValue;

/**
 * Writes a report as an XLSX workbook: one sheet per table, the Vietnamese headers on row 1 and the
 * English ones on row 2, then the rows. Counts and rates are numeric cells (rates with the format
 * {@code 0.00} of the 2 decimals they were rounded to), so that a spreadsheet sums and sorts them;
 * the total row is bold, a note spans the row. Stateless.
 */
public final class ReportWorkbook {

    /** Vietnam's time, in which the moments of a report are shown. */
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final int HEADER_ROWS = 2;
    private static final int CODE_WIDTH = 12;
    private static final int NAME_WIDTH = 36;
    private static final int FIGURE_WIDTH = 16;

    private ReportWorkbook() {
    }

    public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            for (ReportTable table : tables) {
                sheet(workbook.createSheet(table.name()), table, styles);
            }
            workbook.write(out);
        }
    }

    private static void sheet(Sheet sheet, ReportTable table, WorkbookStyles styles) {
        sheet.getHeader().setCenter(table.titleVi() + " / " + table.titleEn());
        List<ReportColumn> columns = table.columns();
        Row vietnamese = sheet.createRow(0);
        Row english = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            header(vietnamese, c, columns.get(c).vietnamese(), styles);
            header(english, c, columns.get(c).english(), styles);
            sheet.setColumnWidth(c, 256 * (c == 0 ? CODE_WIDTH : c == 1 ? NAME_WIDTH : FIGURE_WIDTH));
        }
        sheet.createFreezePane(2, HEADER_ROWS);
        int r = HEADER_ROWS;
        for (ReportLine line : table.lines()) {
            Row row = sheet.createRow(r);
            if (line.kind() == ReportLine.Kind.NOTE) {
                Cell cell = row.createCell(0);
                cell.setCellValue(((ReportValue.Text) line.values().get(0)).text());
                cell.setCellStyle(styles.wrapped);
                if (columns.size() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns.size() - 1));
                }
                // Tall enough for the sentence in the merged cells, which Excel does not size by itself.
                row.setHeightInPoints(sheet.getDefaultRowHeightInPoints() * 3);
            } else {
                boolean bold = line.kind() == ReportLine.Kind.TOTAL;
                for (int c = 0; c < columns.size(); c++) {
                    cell(row, c, line.values().get(c), bold, styles);
                }
            }
            r++;
        }
    }

    private static void header(Row row, int column, String text, WorkbookStyles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.header);
    }

    private static void cell(Row row, int column, ReportValue value, boolean bold, WorkbookStyles styles) {
        Cell cell = row.createCell(column);
        if (value instanceof ReportValue.Text text) {
            cell.setCellValue(text.text());
            if (bold) {
                cell.setCellStyle(styles.boldText);
            }
        } else if (value instanceof ReportValue.Count count) {
            cell.setCellValue(count.count());
            cell.setCellStyle(bold ? styles.boldCount : styles.count);
        } else if (value instanceof ReportValue.Rate rate) {
            // A double holds the 2-decimal value as closely as a spreadsheet can; the format shows exactly it.
            cell.setCellValue(rate.percent().doubleValue());
            cell.setCellStyle(bold ? styles.boldRate : styles.rate);
        } else if (value instanceof ReportValue.Time time) {
            cell.setCellValue(time.time().atZoneSameInstant(VIETNAM).toLocalDateTime());
            cell.setCellStyle(styles.time);
        }
        // Empty: no value, the cell stays blank.
    }
}
