package vn.povertyreview.ingest.internal.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.povertyreview.ingest.internal.http.Message;

/**
 * The body cannot be read as the format it claims, so no record of it can be judged. Names the
 * rule it breaks (such as {@code csv.separator}), says where it broke (line and column where
 * known) and may carry more details, such as the allowed columns.
 */
public final class MalformedBodyException extends RuntimeException {

    private final Integer line;
    private final Integer column;
    private final String rule;
    private final Message text;
    private final Map<String, Object> details;

    public MalformedBodyException(Integer line, Integer column, String rule, Message text) {
        this(line, column, rule, text, Map.of());
    }

    public MalformedBodyException(Integer line, Integer column, String rule, Message text, Map<String, Object> details) {
        super(rule + ": " + text.en(), null, false, false);
        this.line = line;
        this.column = column;
        this.rule = rule;
        this.text = text;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public String rule() {
        return rule;
    }

    public Message text() {
        return text;
    }

    public Map<String, Object> details() {
        return details;
    }
}
