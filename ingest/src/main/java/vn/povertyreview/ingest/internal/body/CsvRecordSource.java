package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.http.Message;

/**
 * Reads a {@code text/csv} body (UTF-8, RFC 4180 quoting) as spreadsheets write it: a header row
 * naming review fields by field name or Vietnamese name, then one review per row. The column
 * separator (comma, semicolon or tab) is found from the header ({@link CsvSeparator}). Empty cells
 * are absent fields; the cells of personal-data and unknown columns are never read
 * ({@link TableHeader}). Not thread-safe.
 */
public final class CsvRecordSource implements PulledRecordSource {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    /** How far the header line is looked at to find the separator; a header is a few hundred characters. */
    private static final int HEADER_PEEK_CHARS = 64 * 1024;

    private final ObjectMapper mapper;
    private final BufferedReader reader;
    private CsvParser parser;
    private TableHeader header;
    private int index;

    public CsvRecordSource(ObjectMapper mapper, InputStream body) throws IOException {
        this.mapper = mapper;
        this.reader = Utf8.reader(body);
    }

    @Override
    public SubmittedRecord next() throws IOException {
        try {
            if (header == null) {
                header = header();
            }
            Row row = row();
            return row == null ? null : record(row);
        } catch (CharacterCodingException e) {
            // No line: the reader decodes ahead of the parser, so where the bad byte is cannot be told exactly.
            throw new MalformedBodyException(null, null, "csv.encoding", new Message(
                    "Tệp CSV có byte không phải UTF-8: có lẽ tệp được lưu bằng mã Windows-1258 hay Windows-1252"
                            + " (\"CSV (Comma delimited)\"). Trong Excel hãy chọn Lưu thành (Save As) → \"CSV UTF-8\" rồi gửi lại tệp.",
                    "The CSV has bytes that are not UTF-8: it was probably saved as Windows-1258 or Windows-1252"
                            + " (\"CSV (Comma delimited)\"). In Excel choose Save As → \"CSV UTF-8\" and send the file again."));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String detail = e.getOriginalMessage();
            throw new MalformedBodyException(at != null && at.getLineNr() > 0 ? at.getLineNr() : null,
                    at != null && at.getColumnNr() > 0 ? at.getColumnNr() : null, "csv.syntax",
                    new Message("Tệp CSV sai cú pháp: " + detail, "The CSV is malformed: " + detail));
        }
    }

    private TableHeader header() throws IOException {
        reader.mark(HEADER_PEEK_CHARS);
        String firstLine = firstLine();
        reader.reset();
        CsvSeparator separator = CsvSeparator.of(firstLine);
        parser = (CsvParser) CSV.createParser(reader);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator.character()));
        Row row = row();
        if (row == null) {
            throw new MalformedBodyException(1, null, "body.empty", new Message("Nội dung gửi lên trống.", "The body is empty."));
        }
        separator.check(firstLine, row.cells, row.line);
        return TableHeader.of(row.cells, row.line, new Message("Dòng đầu của tệp CSV", "The first line of the CSV"));
    }

    /** The first line that is not blank, read up to {@link #HEADER_PEEK_CHARS}; the reader is reset after. */
    private String firstLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while (line.length() < HEADER_PEEK_CHARS - 1 && (c = reader.read()) >= 0) {
            if (c == '\n' || c == '\r') {
                if (!line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private SubmittedRecord record(Row row) {
        ObjectNode fields = header.fields(row.cells, mapper);
        RuleViolation shapeProblem = null;
        for (int i = header.width(); i < row.cells.size(); i++) {
            if (!row.cells.get(i).isBlank()) {
                shapeProblem = new RuleViolation("record", "record.columns",
                        "Dòng có " + row.cells.size() + " ô nhưng tiêu đề chỉ có " + header.width() + " cột (có thể thừa dấu ngăn cột).",
                        "The row has " + row.cells.size() + " cells but the header has only " + header.width() + " columns (perhaps a stray separator).");
                break;
            }
        }
        return new SubmittedRecord(index++, row.line, fields, true, shapeProblem, header.ignored(), null);
    }

    /** The next row's cells and line, or null at the end of the body. */
    private Row row() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        // Without a schema every row is an array of strings. The row's line is where its first
        // cell starts: the location of the array token itself still points at the previous row.
        int line = parser.currentLocation().getLineNr();
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (cells.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new Row(line, cells);
    }

    private record Row(int line, List<String> cells) {
    }
}
