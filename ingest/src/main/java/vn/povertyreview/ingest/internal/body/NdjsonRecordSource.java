package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import vn.povertyreview.ingest.internal.http.Message;

/**
 * Reads an {@code application/x-ndjson} body: one review object per line, blank lines ignored.
 * A line that is not JSON breaks the whole body (400), as in a JSON array; a line that is JSON but
 * not an object is one rejected record. Properties that are no review field are dropped from each
 * record ({@link JsonFields}). Not thread-safe.
 */
public final class NdjsonRecordSource implements PulledRecordSource {

    private final ObjectMapper mapper;
    /** One line is one value; anything after it makes a broken line, not a second record. */
    private final ObjectReader lineReader;
    private final BufferedReader reader;
    private int lineNumber;
    private int index;

    public NdjsonRecordSource(ObjectMapper mapper, InputStream body) throws IOException {
        this.mapper = mapper;
        this.lineReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.reader = Utf8.reader(body);
    }

    @Override
    public SubmittedRecord next() throws IOException {
        String line;
        while ((line = readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                return record(line);
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException(lineNumber + 1, null, "ndjson.encoding", new Message(
                    "Dòng " + (lineNumber + 1) + " có byte không phải UTF-8: hãy lưu tệp với mã hóa UTF-8.",
                    "Line " + (lineNumber + 1) + " has bytes that are not UTF-8: save the file as UTF-8."));
        }
    }

    private SubmittedRecord record(String line) throws IOException {
        JsonNode node;
        try {
            node = lineReader.readTree(line);
        } catch (JsonProcessingException e) {
            Integer column = e.getLocation() != null && e.getLocation().getColumnNr() > 0 ? e.getLocation().getColumnNr() : null;
            String detail = e.getOriginalMessage();
            throw new MalformedBodyException(lineNumber, column, "ndjson.syntax", new Message(
                    "Dòng " + lineNumber + " không phải JSON hợp lệ: " + detail,
                    "Line " + lineNumber + " is not valid JSON: " + detail));
        }
        int position = index++;
        if (node instanceof ObjectNode object) {
            List<IgnoredColumn> ignored = JsonFields.keepOnlyReviewFields(object);
            return new SubmittedRecord(position, lineNumber, object, false, null, ignored, null);
        }
        return new SubmittedRecord(position, lineNumber, mapper.createObjectNode(), false, JsonRecordSource.notAnObject(),
                List.of(), null);
    }
}
