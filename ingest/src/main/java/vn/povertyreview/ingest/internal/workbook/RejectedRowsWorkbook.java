package vn.povertyreview.ingest.internal.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.ingest.internal.http.Language;
import vn.povertyreview.ingest.internal.review.ReviewFields;
import vn.povertyreview.ingest.internal.review.ReviewTimeText;
import vn.povertyreview.ingest.internal.review.Vocabulary;
import vn.povertyreview.ingest.internal.workbook.ReviewColumn.Kind;

/**
 * The rows of an upload that would be rejected, as a workbook to fix and upload again: the
 * template's columns (the indicators in one list cell if the upload listed them so), each row's
 * values as they were sent, the cells that break a rule in red, and two columns the upload reader
 * passes over in silence: the errors, with their rules, and where the row was in the file sent.
 * Only review fields are in it: the readers dropped personal-data and unknown columns on arrival.
 *
 * <p>The rows are gathered first, because the columns depend on all of them; the workbook is then
 * written with POI's streaming writer, so that a large list needs little memory. Not thread-safe;
 * belongs to one request.
 */
public final class RejectedRowsWorkbook {

    public static final String FILE_NAME = "cac-dong-bi-tu-choi.xlsx";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,15}");
    /** Rows the streaming writer keeps in memory before it writes them out. */
    private static final int ROWS_IN_MEMORY = 200;

    private record RejectedRow(SubmittedRecord record, List<RuleViolation> violations) {
    }

    private final List<RejectedRow> rows = new ArrayList<>();

    public void add(SubmittedRecord record, List<RuleViolation> violations) {
        rows.add(new RejectedRow(record, List.copyOf(violations)));
    }

    public int size() {
        return rows.size();
    }

    /** Writes the workbook, the errors and the rows' places in the language given. */
    public void write(OutputStream out, Language language) throws IOException {
        List<ReviewColumn> columns = columns();
        // Shared strings, as Excel writes them: a workbook of inline strings, edited with some tools, keeps the old text.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROWS_IN_MEMORY, false, true)) {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            Sheet sheet = workbook.createSheet(ReviewTemplate.REVIEW_SHEET);
            Row header = sheet.createRow(0);
            List<String> headers = new ArrayList<>(List.of(Vocabulary.ERRORS_HEADER, Vocabulary.SOURCE_HEADER));
            columns.forEach(column -> headers.add(column.header()));
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, (c == 0 ? 70 : Math.min(40, Math.max(14, headers.get(c).length() + 2))) * 256);
            }
            sheet.createFreezePane(2, 1);
            int r = 1;
            for (RejectedRow rejected : rows) {
                Row row = sheet.createRow(r++);
                Cell errors = row.createCell(0);
                errors.setCellValue(errorsOf(rejected, language));
                errors.setCellStyle(styles.error);
                row.createCell(1).setCellValue(placeOf(rejected.record(), language));
                Set<String> broken = rejected.violations().stream().map(RuleViolation::field).collect(Collectors.toSet());
                for (int c = 0; c < columns.size(); c++) {
                    ReviewColumn column = columns.get(c);
                    Cell cell = row.createCell(c + 2);
                    cell.setCellStyle(broken.contains(column.key()) ? styles.marked(column.kind()) : styles.of(column.kind()));
                    valueOf(rejected.record(), column.key()).ifPresent(value -> write(cell, column.kind(), value));
                }
            }
            workbook.write(out);
        }
    }

    private List<ReviewColumn> columns() {
        boolean listed = rows.stream().anyMatch(row -> {
            JsonNode deprivations = row.record().fields().get(ReviewFields.DEPRIVATIONS);
            return deprivations != null && !deprivations.isObject();
        });
        List<ReviewColumn> columns = new ArrayList<>();
        if (rows.stream().anyMatch(row -> row.record().fields().has(ReviewFields.REVIEW_ID))) {
            columns.add(ReviewColumns.REVIEW_ID);
        }
        columns.addAll(listed ? ReviewColumns.withDeprivationList() : ReviewColumns.TEMPLATE);
        return columns;
    }

    private static Optional<JsonNode> valueOf(SubmittedRecord record, String key) {
        String indicatorColumn = ReviewFields.DEPRIVATIONS + ".";
        JsonNode value = key.startsWith(indicatorColumn)
                ? record.fields().path(ReviewFields.DEPRIVATIONS).get(key.substring(indicatorColumn.length()))
                : record.fields().get(key);
        return value == null || value.isNull() || value.isObject() ? Optional.empty() : Optional.of(value);
    }

    /** A value as the template's column stores it, if it can; else as the text it was sent as. */
    private static void write(Cell cell, Kind kind, JsonNode value) {
        String text = value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining("; "))
                : value.isBoolean() ? (value.booleanValue() ? Vocabulary.YES : Vocabulary.NO) : value.asText();
        if ((kind == Kind.WHOLE_NUMBER || kind == Kind.AMOUNT) && (value.isIntegralNumber() || WHOLE_NUMBER.matcher(text).matches())) {
            cell.setCellValue(Double.parseDouble(text));
        } else if (kind == Kind.TIME && ReviewTimeText.parse(text).isPresent()) {
            cell.setCellValue(LocalDateTime.ofInstant(ReviewTimeText.parse(text).get(), ReviewTimeText.VIETNAM));
        } else {
            cell.setCellValue(text);
        }
    }

    private static String errorsOf(RejectedRow row, Language language) {
        return row.violations().stream()
                .map(v -> (language == Language.EN ? v.messageEn() : v.messageVi()) + " [" + v.rule() + "]")
                .collect(Collectors.joining("\n"));
    }

    private static String placeOf(SubmittedRecord record, Language language) {
        boolean en = language == Language.EN;
        if (record.sheetRow() != null) {
            return en ? "Sheet '" + record.sheetRow().sheet() + "', row " + record.sheetRow().row()
                    : "Trang tính '" + record.sheetRow().sheet() + "', hàng " + record.sheetRow().row();
        }
        if (record.line() != null) {
            return (en ? "Line " : "Dòng ") + record.line();
        }
        return (en ? "Record " : "Bản ghi ") + (record.index() + 1);
    }
}
