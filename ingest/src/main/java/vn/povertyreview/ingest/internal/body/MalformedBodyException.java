package vn.povertyreview.ingest.internal.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.povertyreview.ingest.internal.http.Message;

/**
 * The body cannot be read as the format it claims, so no record of it can be judged. Says where it
 * broke (line and column where known) and may carry more details, such as the allowed CSV columns.
 */
public final class MalformedBodyException extends RuntimeException {

    private final Integer line;
    private final Integer column;
    private final Message text;
    private final Map<String, Object> details;

    public MalformedBodyException(Integer line, Integer column, Message text) {
        this(line, column, text, Map.of());
    }

    public MalformedBodyException(Integer line, Integer column, Message text, Map<String, Object> details) {
        super(text.en(), null, false, false);
        this.line = line;
        this.column = column;
        this.text = text;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public Message text() {
        return text;
    }

    public Map<String, Object> details() {
        return details;
    }
}
