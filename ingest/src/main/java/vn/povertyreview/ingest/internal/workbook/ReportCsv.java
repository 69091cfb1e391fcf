package vn.povertyreview.ingest.internal.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.sink.report.ReportColumn;
import vn.povertyreview.sink.report.ReportLine;
import vn.povertyreview.sink.report.ReportTable;
import vn.povertyreview.sink.report.ReportValue;

/**
 * Writes a report as one CSV file with one section per table, in the workbook's order: a line
 * {@code topic,<key>,<Vietnamese title>,<English title>}, the Vietnamese and the English header
 * lines, the rows, then an empty line. UTF-8 with a byte-order mark, so that a spreadsheet opening
 * it reads the diacritics right; comma-separated, numbers with a decimal point (rates with their 2
 * decimals), times in ISO 8601 with Vietnam's offset. Stateless.
 */
public final class ReportCsv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ReportCsv() {
    }

    public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        for (ReportTable table : tables) {
            line(writer, List.of("topic", table.key(), table.titleVi(), table.titleEn()));
            line(writer, table.columns().stream().map(ReportColumn::vietnamese).toList());
            line(writer, table.columns().stream().map(ReportColumn::english).toList());
            for (ReportLine row : table.lines()) {
                List<String> cells = new ArrayList<>();
                row.values().forEach(value -> cells.add(text(value)));
                line(writer, cells);
            }
            writer.write("\r\n");
        }
        writer.flush();
    }

    private static String text(ReportValue value) {
        if (value instanceof ReportValue.Text text) {
            return text.text();
        } else if (value instanceof ReportValue.Count count) {
            return Long.toString(count.count());
        } else if (value instanceof ReportValue.Rate rate) {
            return rate.percent().toPlainString();
        } else if (value instanceof ReportValue.Time time) {
            return time.time().atZoneSameInstant(ReportWorkbook.VIETNAM).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return "";
    }

    /** One line, each cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                writer.write('"');
                writer.write(cell.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(cell);
            }
        }
        writer.write("\r\n");
    }
}
