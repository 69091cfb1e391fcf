package vn.povertyreview.ingest.internal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.ingest.internal.body.MalformedBodyException;
import vn.povertyreview.ingest.internal.kafka.KafkaUnavailableException;

/**
 * The one place where failures become responses. Every error body has the same shape:
 * {@code {status, error, message, messageVi, messageEn, requestId, ...details}}, with
 * {@code message} in the client's language. Anything unexpected is logged with the request id and
 * answered 500 without internals; nothing a client sends should ever get there.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    /** Long enough for a broker restart or a leader election to finish. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private ProblemResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> write(ctx, problem));
        routes.exception(MalformedBodyException.class, (e, ctx) -> write(ctx, malformed(e)));
        routes.exception(KafkaUnavailableException.class, (e, ctx) -> {
            LOG.warn("Request {} answered 503: {}", Requests.id(ctx), e.getMessage());
            write(ctx, kafkaUnavailable());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} {} failed unexpectedly", Requests.id(ctx), ctx.method(), ctx.path(), e);
            write(ctx, new ApiProblem(500, "internal-error", new Message(
                    "Lỗi hệ thống không mong muốn; hãy báo quản trị viên kèm mã yêu cầu " + Requests.id(ctx) + ".",
                    "Unexpected server error; report it to the administrator with request id " + Requests.id(ctx) + ".")));
        });
    }

    public static ApiProblem kafkaUnavailable() {
        return new ApiProblem(503, "kafka-unavailable", new Message(
                "Hệ thống tạm thời không lưu được dữ liệu; không bản ghi nào của yêu cầu này được ghi nhận. Hãy gửi lại sau " + RETRY_AFTER_SECONDS + " giây.",
                "The service cannot store records right now; nothing of this request was recorded. Send it again in " + RETRY_AFTER_SECONDS + " seconds."))
                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    static ApiProblem malformed(MalformedBodyException e) {
        ApiProblem problem = ApiProblem.badRequest("malformed-body", e.text());
        problem = problem.with("rule", e.rule());
        if (e.line() != null) {
            problem = problem.with("line", e.line());
        }
        if (e.column() != null) {
            problem = problem.with("column", e.column());
        }
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            problem = problem.with(detail.getKey(), detail.getValue());
        }
        return problem;
    }

    private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new ApiProblem(404, "not-found", new Message(
                    "Không có địa chỉ " + ctx.method() + " " + ctx.path() + ". Xem mô tả API tại /api/v1/openapi.json.",
                    "There is no " + ctx.method() + " " + ctx.path() + ". See the API description at /api/v1/openapi.json."));
            case 405 -> new ApiProblem(405, "method-not-allowed", new Message(
                    "Địa chỉ " + ctx.path() + " không nhận phương thức " + ctx.method() + ".",
                    ctx.path() + " does not accept " + ctx.method() + "."));
            case 413 -> new ApiProblem(413, "body-too-large", new Message(
                    "Nội dung gửi lên quá lớn.", "The request body is too large."));
            default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), new Message(
                    "Yêu cầu không được xử lý (" + e.getStatus() + ").", "The request was not processed (" + e.getStatus() + ")."));
        };
    }

    private static void write(Context ctx, ApiProblem problem) {
        UnreadBody.discard(ctx);
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).json(body(problem, Requests.language(ctx), Requests.id(ctx)));
    }

    /**
     * The JSON body of every refusal: status, error, the message in the client's language and in
     * both, the request id when there is one, and the problem's details.
     */
    static Map<String, Object> body(ApiProblem problem, Language language, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.status());
        body.put("error", problem.error());
        body.put("message", problem.text().in(language));
        body.put("messageVi", problem.text().vi());
        body.put("messageEn", problem.text().en());
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(problem.details());
        return body;
    }
}
