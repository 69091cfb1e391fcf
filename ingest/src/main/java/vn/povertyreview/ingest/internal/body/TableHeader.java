package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.ingest.internal.http.Message;
import vn.povertyreview.ingest.internal.review.ColumnMeaning;
import vn.povertyreview.ingest.internal.review.ReviewFields;
import vn.povertyreview.ingest.internal.review.Vocabulary;

/**
 * The header row of a table upload (CSV or XLSX): which review field each column holds, named by
 * its field name or a Vietnamese name ({@link Vocabulary}), and which columns are ignored and why.
 * It is checked before any row, so that a table without a header, or naming a field twice, is
 * refused as a whole rather than with a rejection for every row; a column that is personal data or
 * unknown only has its values dropped. Immutable.
 */
final class TableHeader {

    /** What each column holds, or null where the column is ignored or has no name. */
    private final List<ColumnMeaning> meaningOfColumn;
    private final Map<String, Integer> columnOfField;
    private final List<IgnoredColumn> ignored;

    private TableHeader(List<ColumnMeaning> meaningOfColumn, Map<String, Integer> columnOfField, List<IgnoredColumn> ignored) {
        this.meaningOfColumn = Collections.unmodifiableList(meaningOfColumn);
        this.columnOfField = Map.copyOf(columnOfField);
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Reads a header row.
     *
     * @param line  the header's line or row, for the error
     * @param where the header's place as messages name it, e.g. "Dòng đầu của tệp CSV" / "The first line of the CSV"
     * @throws MalformedBodyException when the header names no review field ({@code header.missing})
     *         or a field twice ({@code header.duplicate}), the indicators' own columns beside a
     *         {@code deprivations} column among them
     */
    static TableHeader of(List<String> cells, Integer line, Message where) {
        List<ColumnMeaning> meaningOfColumn = new ArrayList<>();
        Map<String, Integer> columnOfField = new LinkedHashMap<>();
        Map<String, List<String>> headersOfField = new LinkedHashMap<>();
        List<IgnoredColumn> ignored = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            String header = cells.get(column) == null ? "" : cells.get(column).strip();
            ColumnMeaning kept = null;
            if (!header.isEmpty()) {
                ColumnMeaning meaning = Vocabulary.ofHeader(header);
                String field = fieldOf(meaning);
                if (field != null) {
                    kept = meaning;
                    columnOfField.putIfAbsent(field, column);
                    headersOfField.computeIfAbsent(field, f -> new ArrayList<>()).add(header);
                } else if (!(meaning instanceof ColumnMeaning.Annotation)) {
                    ignored.add(new IgnoredColumn(header, meaning));
                }
            }
            meaningOfColumn.add(kept);
        }
        if (columnOfField.isEmpty()) {
            throw new MalformedBodyException(line, null, "header.missing", new Message(
                    where.vi() + " phải là dòng tiêu đề ghi tên các cột bằng tên trường hoặc tên tiếng Việt, ví dụ: "
                            + String.join(", ", ReviewFields.ALL) + " hoặc Mã hộ, Năm rà soát, Mã xã, ...",
                    where.en() + " must be a header naming the columns by field name or Vietnamese name, for example: "
                            + String.join(", ", ReviewFields.ALL) + " or Mã hộ, Năm rà soát, Mã xã, ..."),
                    Map.of("allowedColumns", ReviewFields.ALL));
        }
        List<String> duplicated = new ArrayList<>();
        headersOfField.forEach((field, headers) -> {
            if (headers.size() > 1) {
                duplicated.add(field + " (" + String.join(", ", headers) + ")");
            }
        });
        List<String> indicatorColumns = headersOfField.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ReviewFields.DEPRIVATIONS + "."))
                .map(e -> e.getValue().get(0)).toList();
        if (headersOfField.containsKey(ReviewFields.DEPRIVATIONS) && !indicatorColumns.isEmpty()) {
            // Two answers to one question: which indicators the household is deprived in.
            duplicated.add(ReviewFields.DEPRIVATIONS + " (" + headersOfField.get(ReviewFields.DEPRIVATIONS).get(0) + ", "
                    + String.join(", ", indicatorColumns) + ")");
        }
        if (!duplicated.isEmpty()) {
            throw new MalformedBodyException(line, null, "header.duplicate", new Message(
                    "Dòng tiêu đề ghi trùng cột: " + String.join("; ", duplicated) + ". Hãy giữ một cột cho mỗi trường"
                            + " (các chỉ số thiếu hụt: hoặc một cột liệt kê, hoặc mỗi chỉ số một cột Có/Không).",
                    "The header names a column more than once: " + String.join("; ", duplicated) + ". Keep one column per field"
                            + " (the deprivations: either one column listing them or one Có/Không column per indicator)."),
                    Map.of("duplicatedColumns", duplicated));
        }
        return new TableHeader(meaningOfColumn, columnOfField, ignored);
    }

    /**
     * The name by which errors and cell references know a column of the review: its field, or
     * {@code deprivations.NUTRITION} for an indicator's own column; null for any other column.
     */
    private static String fieldOf(ColumnMeaning meaning) {
        if (meaning instanceof ColumnMeaning.Field field) {
            return field.name();
        }
        if (meaning instanceof ColumnMeaning.Deprivation deprivation) {
            return ReviewFields.deprivationColumn(deprivation.indicator());
        }
        return null;
    }

    /** How many of the cells name a review field: how well a guess at the separator reads the header. */
    static int fieldsNamed(List<String> cells) {
        return (int) cells.stream()
                .filter(cell -> cell != null && Vocabulary.ofHeader(cell).holdsReviewValues())
                .count();
    }

    int width() {
        return meaningOfColumn.size();
    }

    /** The columns whose values are dropped, and why. */
    List<IgnoredColumn> ignored() {
        return ignored;
    }

    /** The column (from 0) of each field the header names, and of each indicator's own column. */
    Map<String, Integer> columnOfField() {
        return columnOfField;
    }

    /**
     * The review fields of a row: the non-empty cells of known columns, without the spaces around
     * them. The indicators' own columns are gathered into a {@code deprivations} object of
     * indicator code to cell ({@code {"NUTRITION": "Có"}}), which the decoder reads. Cells of
     * ignored columns and cells past the header are never read.
     */
    ObjectNode fields(List<String> cells, ObjectMapper mapper) {
        ObjectNode fields = mapper.createObjectNode();
        for (int column = 0; column < Math.min(cells.size(), meaningOfColumn.size()); column++) {
            ColumnMeaning meaning = meaningOfColumn.get(column);
            String cell = cells.get(column);
            if (meaning == null || cell == null) {
                continue;
            }
            String value = withoutSurroundingSpaces(cell);
            if (value.isEmpty()) {
                continue;
            }
            if (meaning instanceof ColumnMeaning.Deprivation deprivation) {
                fields.withObjectProperty(ReviewFields.DEPRIVATIONS).put(deprivation.indicator().name(), value);
            } else if (meaning instanceof ColumnMeaning.Field field) {
                fields.put(field.name(), value);
            }
        }
        return fields;
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
}
