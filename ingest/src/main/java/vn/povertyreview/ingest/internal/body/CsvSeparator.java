package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.povertyreview.ingest.internal.http.Message;
import vn.povertyreview.ingest.internal.review.ColumnMeaning;
import vn.povertyreview.ingest.internal.review.Vocabulary;

/**
 * The character between the columns of a CSV file. Spreadsheets write a comma, or, in a locale
 * whose decimal mark is a comma (Vietnamese among them), a semicolon; "text" exports use a tab.
 * The one a file uses is found from its header row: the separator under which the most cells name
 * a review field. A header that reads only under another mark, or mixes marks, is refused saying
 * so, since its columns would otherwise be silently ignored.
 */
enum CsvSeparator {
    COMMA(',', true, "dấu phẩy (,)", "comma (,)"),
    SEMICOLON(';', true, "dấu chấm phẩy (;)", "semicolon (;)"),
    TAB('\t', true, "dấu tab", "tab"),
    /** Not accepted; named when a header seems to use it. */
    VERTICAL_BAR('|', false, "dấu gạch đứng (|)", "vertical bar (|)");

    private static final CsvMapper CSV = new CsvMapper();

    private final char character;
    private final boolean accepted;
    private final String vietnamese;
    private final String english;

    CsvSeparator(char character, boolean accepted, String vietnamese, String english) {
        this.character = character;
        this.accepted = accepted;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    char character() {
        return character;
    }

    /**
     * The accepted separator that reads the most review fields from the header line; on a tie, the
     * one that splits it into the most cells; on a tie again, the comma.
     */
    static CsvSeparator of(String headerLine) {
        CsvSeparator best = COMMA;
        List<String> bestCells = COMMA.cells(headerLine);
        for (CsvSeparator candidate : values()) {
            List<String> cells = candidate.cells(headerLine);
            int fields = TableHeader.fieldsNamed(cells);
            int bestFields = TableHeader.fieldsNamed(bestCells);
            if (candidate.accepted && (fields > bestFields || (fields == bestFields && cells.size() > bestCells.size()))) {
                best = candidate;
                bestCells = cells;
            }
        }
        return best;
    }

    /**
     * Refuses a header that this separator reads wrongly: one that names no field but would under
     * a mark that is not accepted, or one with a cell that holds several field names joined by
     * another mark.
     *
     * @throws MalformedBodyException with rule {@code csv.separator}
     */
    void check(String headerLine, List<String> headerCells, Integer line) {
        if (TableHeader.fieldsNamed(headerCells) == 0) {
            for (CsvSeparator other : values()) {
                if (other != this && TableHeader.fieldsNamed(other.cells(headerLine)) > 0) {
                    throw new MalformedBodyException(line, null, "csv.separator", new Message(
                            "Dòng tiêu đề có vẻ ngăn các cột bằng " + other.vietnamese + ", dấu này không được dùng. Hãy lưu tệp dạng CSV"
                                    + " với dấu phẩy (,), dấu chấm phẩy (;) hoặc dấu tab giữa các cột.",
                            "The header seems to separate its columns with a " + other.english + ", which is not accepted. Save the"
                                    + " file as CSV with a comma (,), a semicolon (;) or a tab between the columns."),
                            Map.of("separatorFound", other.name()));
                }
            }
            return;
        }
        for (String cell : headerCells) {
            if (cell == null || Vocabulary.ofHeader(cell).holdsReviewValues()) {
                continue;
            }
            for (CsvSeparator other : values()) {
                if (other != this && cell.indexOf(other.character) >= 0
                        && TableHeader.fieldsNamed(List.of(cell.split(Pattern.quote(String.valueOf(other.character))))) > 0) {
                    String shown = cell.strip().replace("\t", "\\t");
                    throw new MalformedBodyException(line, null, "csv.separator", new Message(
                            "Ô tiêu đề '" + shown + "' chứa " + other.vietnamese + " giữa các tên cột, trong khi tệp ngăn các cột bằng "
                                    + vietnamese + ". Hãy dùng một loại dấu ngăn cột cho cả tệp (hoặc đặt tên cột có chứa dấu đó trong dấu nháy kép).",
                            "The header cell '" + shown + "' has a " + other.english + " between column names, while the file separates"
                                    + " its columns with a " + english + ". Use one separator for the whole file (or put a column name"
                                    + " that contains it in double quotes)."),
                            Map.of("separator", name(), "separatorFound", other.name()));
                }
            }
        }
    }

    /** The cells of one CSV line under this separator; the whole line as one cell if it cannot be read. */
    private List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        try (CsvParser parser = (CsvParser) CSV.createParser(line)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(character));
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    cells.add(parser.getText());
                }
            }
        } catch (IOException e) {
            return List.of(line);
        }
        return cells;
    }
}
