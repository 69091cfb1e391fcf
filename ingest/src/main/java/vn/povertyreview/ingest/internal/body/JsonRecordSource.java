package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.http.Message;

/**
 * Reads an {@code application/json} body: one review object, or an array of them. The array is
 * streamed element by element, so only one record is ever held as a tree. Properties that are no
 * review field are dropped from each record ({@link JsonFields}). Not thread-safe.
 */
public final class JsonRecordSource implements PulledRecordSource {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private boolean started;
    private boolean array;
    private boolean finished;
    private int index;

    public JsonRecordSource(ObjectMapper mapper, InputStream body) throws IOException {
        this.mapper = mapper;
        this.parser = mapper.createParser(body);
    }

    @Override
    public SubmittedRecord next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                return first();
            }
            if (!array) {
                return end();
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return end();
            }
            if (token == null) {
                throw broken(parser.currentLocation(), "json.syntax", new Message(
                        "Nội dung JSON kết thúc giữa chừng: thiếu dấu ] đóng mảng.",
                        "The JSON body ends too early: the closing ] of the array is missing."));
            }
            return element();
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    private SubmittedRecord first() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            array = true;
            return next();
        }
        if (token == JsonToken.START_OBJECT) {
            return element();
        }
        if (token == null) {
            throw new MalformedBodyException(1, 1, "body.empty", new Message("Nội dung gửi lên trống.", "The body is empty."));
        }
        throw broken(parser.currentTokenLocation(), "json.shape", new Message(
                "Nội dung JSON phải là một bản ghi rà soát (đối tượng {...}) hoặc một mảng các bản ghi [...].",
                "The JSON body must be one review record (an object {...}) or an array of records [...]."));
    }

    private SubmittedRecord element() throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        Integer line = start.getLineNr() > 0 ? start.getLineNr() : null;
        JsonNode node = mapper.readTree(parser);
        int position = index++;
        if (node instanceof ObjectNode object) {
            List<IgnoredColumn> ignored = JsonFields.keepOnlyReviewFields(object);
            return new SubmittedRecord(position, line, object, false, null, ignored, null);
        }
        // Not an object: nothing of it is a field, so nothing of it is kept.
        return new SubmittedRecord(position, line, mapper.createObjectNode(), false, notAnObject(), List.of(), null);
    }

    private SubmittedRecord end() throws IOException {
        finished = true;
        if (parser.nextToken() != null) {
            throw broken(parser.currentTokenLocation(), "json.syntax", new Message(
                    "Sau phần JSON hợp lệ còn nội dung thừa.", "There is more content after the JSON value."));
        }
        return null;
    }

    static RuleViolation notAnObject() {
        return new RuleViolation("record", "record.type",
                "Mỗi bản ghi phải là một đối tượng JSON {...} với các trường của bản ghi rà soát.",
                "Each record must be a JSON object {...} with the fields of a review record.");
    }

    static MalformedBodyException syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String detail = e.getOriginalMessage();
        return broken(at, "json.syntax", new Message("Nội dung JSON sai cú pháp: " + detail, "The JSON is malformed: " + detail));
    }

    private static MalformedBodyException broken(JsonLocation at, String rule, Message text) {
        Integer line = at != null && at.getLineNr() > 0 ? at.getLineNr() : null;
        Integer column = at != null && at.getColumnNr() > 0 ? at.getColumnNr() : null;
        return new MalformedBodyException(line, column, rule, text);
    }
}
