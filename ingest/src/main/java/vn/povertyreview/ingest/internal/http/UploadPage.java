package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.StaticFileConfig;

/**
 * The reviewers' upload page, {@code /upload/}: static HTML, CSS and plain JavaScript from the
 * classpath ({@link StaticPages}), calling only this API.
 */
final class UploadPage {

    static final String PATH = "/upload/";

    private UploadPage() {
    }

    static void serve(StaticFileConfig files) {
        StaticPages.serve(files, "upload");
    }

    /** {@code GET /}: the page, which is all a person opening the service's address wants. */
    static void redirect(Context ctx) {
        ctx.redirect(PATH, HttpStatus.FOUND);
    }
}
