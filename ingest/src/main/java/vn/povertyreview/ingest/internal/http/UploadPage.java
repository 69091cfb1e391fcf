package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.util.Map;

/**
 * The reviewers' upload page, {@code /upload/}: static HTML, CSS and plain JavaScript from the
 * classpath, calling only this API, so that it works on a network without internet. Its policy
 * lets it load nothing from anywhere else.
 */
final class UploadPage {

    static final String PATH = "/upload/";
    private static final String RESOURCES = "/vn/povertyreview/ingest/upload";

    private UploadPage() {
    }

    static void serve(StaticFileConfig files) {
        files.hostedPath = "/upload";
        files.directory = RESOURCES;
        files.location = Location.CLASSPATH;
        files.headers = Map.of(
                "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache");
    }

    /** {@code GET /}: the page, which is all a person opening the service's address wants. */
    static void redirect(Context ctx) {
        ctx.redirect(PATH, HttpStatus.FOUND);
    }
}
