package vn.povertyreview.ingest.internal.http;

import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.util.Map;

/**
 * The dashboard, {@code /dashboard/}: static HTML, CSS and plain JavaScript drawing its charts as
 * inline SVG, from the classpath, calling only this API (read-only), so that it works on a network
 * without internet. Its policy lets it load nothing from anywhere else.
 */
final class DashboardPage {

    static final String PATH = "/dashboard/";
    private static final String RESOURCES = "/vn/povertyreview/ingest/dashboard";

    private DashboardPage() {
    }

    static void serve(StaticFileConfig files) {
        files.hostedPath = "/dashboard";
        files.directory = RESOURCES;
        files.location = Location.CLASSPATH;
        files.headers = Map.of(
                "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache");
    }
}
