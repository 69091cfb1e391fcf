package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.body.BodyFormat;

/**
 * Reads the small JSON bodies of the admin endpoints (a village name, a token request, targets). Their size
 * is bounded by the HTTP server's request size limit, so they are read whole. Thread-safe.
 */
final class JsonBodies {

    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body as a JSON object whose fields are all among {@code allowed}; 400 or 415 otherwise. */
    ObjectNode object(Context ctx, Set<String> allowed) throws IOException {
        JsonNode node = tree(ctx);
        if (!(node instanceof ObjectNode object)) {
            throw ApiProblem.badRequest("malformed-body", new Message(
                    "Nội dung phải là một đối tượng JSON {...}.", "The body must be a JSON object {...}."));
        }
        List<RuleViolation> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!allowed.contains(field.getKey())) {
                unknown.add(new RuleViolation(field.getKey(), "field.unknown",
                        "Trường '" + field.getKey() + "' không được dùng ở đây. Các trường hợp lệ: " + String.join(", ", allowed) + ".",
                        "Field '" + field.getKey() + "' is not used here. Valid fields: " + String.join(", ", allowed) + "."));
            }
        }
        if (!unknown.isEmpty()) {
            throw FieldErrors.invalidRequest(unknown, Requests.language(ctx));
        }
        return object;
    }

    /** The body as JSON of any shape (an object, an array, ...); 400 when it is not JSON, 415 for another media type. */
    JsonNode tree(Context ctx) throws IOException {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && BodyFormat.of(contentType).orElse(null) != BodyFormat.JSON) {
            throw new ApiProblem(415, "unsupported-media-type", new Message(
                    "Hãy gửi nội dung dạng application/json.", "Send the body as application/json."));
        }
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || node.isMissingNode()) {
                throw ApiProblem.badRequest("malformed-body", new Message(
                        "Nội dung gửi lên trống.", "The body is empty."));
            }
            return node;
        } catch (JsonProcessingException e) {
            ApiProblem problem = ApiProblem.badRequest("malformed-body", new Message(
                    "Nội dung JSON sai cú pháp: " + e.getOriginalMessage(), "The JSON is malformed: " + e.getOriginalMessage()));
            if (e.getLocation() != null) {
                problem = problem.with("line", e.getLocation().getLineNr()).with("column", e.getLocation().getColumnNr());
            }
            throw problem;
        }
    }
}
