package vn.povertyreview.ingest.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served as asked, with the status and the words the client gets. Thrown
 * by handlers and turned into a structured JSON body by {@link ProblemResponses}, the one place
 * that writes error responses.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String error;
    private final Message text;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiProblem(int status, String error, Message text) {
        this(status, error, text, Map.of(), Map.of(), null);
    }

    private ApiProblem(int status, String error, Message text, Map<String, Object> details, Map<String, String> headers,
            Throwable cause) {
        super(error + ": " + text.en(), cause, false, false);
        this.status = status;
        this.error = error;
        this.text = text;
        // Insertion order is kept so that bodies read the same every time.
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The same problem with one more field in its body. */
    public ApiProblem with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(field, value);
        return new ApiProblem(status, error, text, more, headers, getCause());
    }

    /** The same problem with one more response header. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(status, error, text, details, more, getCause());
    }

    public ApiProblem causedBy(Throwable cause) {
        return new ApiProblem(status, error, text, details, headers, cause);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Message text() {
        return text;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiProblem badRequest(String error, Message text) {
        return new ApiProblem(400, error, text);
    }
}
