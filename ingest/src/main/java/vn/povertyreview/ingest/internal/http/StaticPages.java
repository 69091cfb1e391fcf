package vn.povertyreview.ingest.internal.http;

import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.util.Map;

/**
 * How the service's pages are served: static files from the classpath under one path each, with a
 * policy that lets them load nothing from anywhere else, so that they work on a network without
 * internet. {@code /common/} holds what the pages share (their stylesheet).
 */
final class StaticPages {

    private static final String RESOURCES = "/vn/povertyreview/ingest";

    private StaticPages() {
    }

    /** Serves the classpath folder {@code <RESOURCES>/<folder>} under {@code /<folder>}. */
    static void serve(StaticFileConfig files, String folder) {
        files.hostedPath = "/" + folder;
        files.directory = RESOURCES + "/" + folder;
        files.location = Location.CLASSPATH;
        files.headers = Map.of(
                "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache");
    }

    /** The pages' shared stylesheet, {@code /common/pages.css}. */
    static void serveCommon(StaticFileConfig files) {
        serve(files, "common");
    }
}
