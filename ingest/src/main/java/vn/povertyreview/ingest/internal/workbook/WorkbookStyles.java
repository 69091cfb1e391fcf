package vn.povertyreview.ingest.internal.workbook;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import vn.povertyreview.ingest.internal.workbook.ReviewColumn.Kind;

/** The cell styles of one workbook the product writes. Not thread-safe; belongs to its workbook. */
final class WorkbookStyles {

    /** How Vietnam writes a date and time: day first. */
    static final String TIME_FORMAT = "dd/mm/yyyy hh:mm";
    /** A count of households in a report. */
    static final String COUNT_FORMAT = "#,##0";
    /** A rate in a report: exactly the 2 decimals it was rounded to. */
    static final String RATE_FORMAT = "0.00";

    final CellStyle header;
    final CellStyle title;
    final CellStyle wrapped;
    final CellStyle error;
    /** Report cells: households as whole numbers grouped by thousands, rates with their 2 decimals. */
    final CellStyle count;
    final CellStyle rate;
    final CellStyle time;
    /** The same in bold, for a total row. */
    final CellStyle boldText;
    final CellStyle boldCount;
    final CellStyle boldRate;
    private final Map<Kind, CellStyle> plain = new EnumMap<>(Kind.class);
    private final Map<Kind, CellStyle> marked = new EnumMap<>(Kind.class);

    WorkbookStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(large);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        Font red = workbook.createFont();
        red.setColor(IndexedColors.DARK_RED.getIndex());
        error = workbook.createCellStyle();
        error.cloneStyleFrom(wrapped);
        error.setFont(red);
        count = numberStyle(workbook, COUNT_FORMAT);
        rate = numberStyle(workbook, RATE_FORMAT);
        time = numberStyle(workbook, TIME_FORMAT);
        boldText = workbook.createCellStyle();
        boldText.setFont(bold);
        boldCount = numberStyle(workbook, COUNT_FORMAT);
        boldCount.setFont(bold);
        boldRate = numberStyle(workbook, RATE_FORMAT);
        boldRate.setFont(bold);
        for (Kind kind : Kind.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(formatOf(kind)));
            plain.put(kind, style);
            CellStyle bad = workbook.createCellStyle();
            bad.cloneStyleFrom(style);
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            marked.put(kind, bad);
        }
    }

    private static CellStyle numberStyle(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static String formatOf(Kind kind) {
        return switch (kind) {
            case TEXT, CODE, CHOICE -> "@";
            case WHOLE_NUMBER -> "0";
            case AMOUNT -> "#,##0";
            case TIME -> TIME_FORMAT;
        };
    }

    /** The style a column's cells have, so that what a reviewer types is stored as the column needs. */
    CellStyle of(Kind kind) {
        return plain.get(kind);
    }

    /** The same, marked in red: a cell that breaks a rule. */
    CellStyle marked(Kind kind) {
        return marked.get(kind);
    }
}
