package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.http.Message;
import vn.povertyreview.ingest.internal.review.ReviewFields;

/**
 * Reads a {@code text/csv} body (UTF-8, comma-separated, RFC 4180 quoting): a header row naming
 * review fields, then one review per row. Empty cells are absent fields. The header is checked
 * before any row, so that a file without one, or with a misspelt column, is refused as a whole
 * with the allowed names rather than producing a rejection for every row. Not thread-safe.
 */
public final class CsvRecordSource implements RecordSource {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final ObjectMapper mapper;
    private final CsvParser parser;
    private List<String> columns;
    private int index;

    public CsvRecordSource(ObjectMapper mapper, InputStream body) throws IOException {
        this.mapper = mapper;
        this.parser = (CsvParser) CSV.createParser(Utf8.reader(body));
    }

    @Override
    public SubmittedRecord next() throws IOException {
        try {
            if (columns == null) {
                columns = header();
            }
            Row row = row();
            return row == null ? null : record(row);
        } catch (CharacterCodingException e) {
            JsonLocation at = parser.currentLocation();
            throw new MalformedBodyException(at.getLineNr() > 0 ? at.getLineNr() : null, null, new Message(
                    "Tệp CSV có byte không phải UTF-8: hãy lưu tệp dạng \"CSV UTF-8\".",
                    "The CSV has bytes that are not UTF-8: save it as \"CSV UTF-8\"."));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String detail = e.getOriginalMessage();
            throw new MalformedBodyException(at != null && at.getLineNr() > 0 ? at.getLineNr() : null,
                    at != null && at.getColumnNr() > 0 ? at.getColumnNr() : null,
                    new Message("Tệp CSV sai cú pháp: " + detail, "The CSV is malformed: " + detail));
        }
    }

    private List<String> header() throws IOException {
        Row header = row();
        if (header == null) {
            throw new MalformedBodyException(1, null, new Message("Nội dung gửi lên trống.", "The body is empty."),
                    Map.of("allowedColumns", ReviewFields.ALL));
        }
        List<String> names = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicated = new ArrayList<>();
        for (String cell : header.cells) {
            String name = cell.trim();
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            if (!ReviewFields.isKnown(name)) {
                unknown.add(name);
            } else if (!seen.add(name)) {
                duplicated.add(name);
            }
        }
        if (seen.isEmpty()) {
            throw new MalformedBodyException(header.line, null, new Message(
                    "Dòng đầu của tệp CSV phải là dòng tiêu đề ghi tên các cột, ví dụ: " + String.join(",", ReviewFields.ALL),
                    "The first line of the CSV must be a header naming the columns, for example: " + String.join(",", ReviewFields.ALL)),
                    Map.of("allowedColumns", ReviewFields.ALL));
        }
        if (!unknown.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("unknownColumns", unknown);
            details.put("allowedColumns", ReviewFields.ALL);
            throw new MalformedBodyException(header.line, null, new Message(
                    "Dòng tiêu đề có cột không được phép: " + String.join(", ", unknown) + ". Các cột được phép: " + String.join(", ", ReviewFields.ALL) + ".",
                    "The header names columns that are not allowed: " + String.join(", ", unknown) + ". Allowed columns: " + String.join(", ", ReviewFields.ALL) + "."),
                    details);
        }
        if (!duplicated.isEmpty()) {
            throw new MalformedBodyException(header.line, null, new Message(
                    "Dòng tiêu đề ghi trùng cột: " + String.join(", ", duplicated) + ".",
                    "The header names a column more than once: " + String.join(", ", duplicated) + "."),
                    Map.of("duplicatedColumns", duplicated));
        }
        return names;
    }

    /**
     * The cell without the spaces around it. Only spaces: {@link String#trim} would also drop
     * control characters at either end, and a cell holding one is refused, not silently cleaned.
     */
    private static String withoutSurroundingSpaces(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && cell.charAt(start) == ' ') {
            start++;
        }
        while (end > start && cell.charAt(end - 1) == ' ') {
            end--;
        }
        return cell.substring(start, end);
    }

    private SubmittedRecord record(Row row) {
        ObjectNode fields = mapper.createObjectNode();
        RuleViolation shapeProblem = null;
        for (int i = 0; i < row.cells.size(); i++) {
            String value = withoutSurroundingSpaces(row.cells.get(i));
            if (value.isEmpty()) {
                continue;
            }
            if (i >= columns.size()) {
                shapeProblem = new RuleViolation("record", "record.columns",
                        "Dòng có " + row.cells.size() + " ô nhưng tiêu đề chỉ có " + columns.size() + " cột (có thể thừa dấu phẩy).",
                        "The row has " + row.cells.size() + " cells but the header has only " + columns.size() + " columns (perhaps a stray comma).");
                break;
            }
            String name = columns.get(i);
            if (!name.isEmpty()) {
                fields.put(name, value);
            }
        }
        return new SubmittedRecord(index++, row.line, fields, true, toCsvLine(row.cells), shapeProblem);
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

    /** The row written back as CSV: what a reviewer recognises and can correct. */
    static String toCsvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }

    private record Row(int line, List<String> cells) {
    }
}
