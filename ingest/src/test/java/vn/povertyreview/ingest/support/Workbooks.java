package vn.povertyreview.ingest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes real XLSX workbooks with POI, as Excel would store them: text cells, numeric cells (with
 * a thousands format where asked), booleans, and dates as serial numbers with a date format.
 */
public final class Workbooks {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A number Excel shows with thousands separators (1.800.000 in a Vietnamese locale) but stores plain. */
    public record Grouped(long value) {
    }

    private Workbooks() {
    }

    /** One sheet of the given name; its rows' cells are String, Number, Boolean, LocalDate, LocalDateTime, Grouped or null. */
    public static byte[] of(String sheetName, List<List<Object>> rows) {
        return of(List.of(new SheetRows(sheetName, rows)));
    }

    public record SheetRows(String name, List<List<Object>> rows) {
    }

    /** The workbook with the rows written into its first sheet from its second row, as a reviewer fills a template. */
    public static byte[] filledIn(byte[] workbook, List<List<Object>> rows) {
        try (Workbook filled = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(filled);
            Sheet sheet = filled.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    styles.write(row.createCell(c), rows.get(r).get(c));
                }
            }
            filled.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a workbook an answer carried. */
    public static XSSFWorkbook open(byte[] workbook) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(workbook));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] of(List<SheetRows> sheets) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (SheetRows rows : sheets) {
                Sheet sheet = workbook.createSheet(rows.name());
                for (int r = 0; r < rows.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = rows.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        styles.write(row.createCell(c), cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell styles of one workbook: a date, a date with time, and a grouped whole number. */
    public static final class Styles {

        private final CellStyle date;
        private final CellStyle dateTime;
        private final CellStyle grouped;

        public Styles(Workbook workbook) {
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        }

        public void write(Cell cell, Object value) {
            if (value == null) {
                cell.setBlank();
            } else if (value instanceof String text) {
                cell.setCellValue(text);
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else if (value instanceof Grouped number) {
                cell.setCellValue(number.value());
                cell.setCellStyle(grouped);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(dateTime);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else {
                throw new IllegalArgumentException("no cell for " + value);
            }
        }
    }
}
