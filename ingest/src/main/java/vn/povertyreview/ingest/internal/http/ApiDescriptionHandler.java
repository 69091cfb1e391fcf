package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3 description of this API, served
 * from a resource so that it ships with the code it describes. Thread-safe.
 */
public final class ApiDescriptionHandler implements Handler {

    /** Resource path of the description, beside this service's classes. */
    public static final String RESOURCE = "/vn/povertyreview/ingest/openapi.json";

    private final byte[] description;

    public ApiDescriptionHandler() {
        try (InputStream in = ApiDescriptionHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("API description resource missing: " + RESOURCE);
            }
            this.description = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(description);
    }
}
