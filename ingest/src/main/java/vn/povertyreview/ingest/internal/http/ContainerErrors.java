package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request the HTTP server itself refuses before any route sees it (an address it
 * cannot decode, such as {@code %00} in a path, or broken headers): the same JSON problem as every
 * other refusal ({@link ProblemResponses}), instead of the server's HTML page.
 */
final class ContainerErrors extends ErrorHandler {

    private static final Message UNREADABLE = new Message(
            "Không đọc được yêu cầu: địa chỉ hoặc phần đầu (header) không hợp lệ, ví dụ có %00 trong đường dẫn.",
            "The request cannot be read: its address or headers are not valid, for example %00 in the path.");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        ApiProblem problem = new ApiProblem(code, code == 400 ? "malformed-request" : "http-" + code, UNREADABLE);
        if (message != null) {
            problem = problem.with("detail", message);
        }
        Language language = Language.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        // The server drops a connection whose request it could not read; saying so keeps a client
        // from sending its next request down a connection about to close.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        // No request id: the request never reached the routes that give one.
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(ProblemResponses.body(problem, language, null))), callback);
    }
}
