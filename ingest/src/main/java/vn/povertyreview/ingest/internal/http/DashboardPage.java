package vn.povertyreview.ingest.internal.http;

import io.javalin.http.staticfiles.StaticFileConfig;

/**
 * The dashboard, {@code /dashboard/}: static HTML, CSS and plain JavaScript drawing its charts as
 * inline SVG, from the classpath ({@link StaticPages}), calling only this API (read-only).
 */
final class DashboardPage {

    static final String PATH = "/dashboard/";

    private DashboardPage() {
    }

    static void serve(StaticFileConfig files) {
        StaticPages.serve(files, "dashboard");
    }
}
