package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;

/** What every request carries besides its content: an id for the logs, and the client's language. */
public final class Requests {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID = "requestId";

    private Requests() {
    }

    /** Gives the request an id, returned in a header so a client's report can be matched to the logs. */
    public static void assignId(Context ctx) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    public static String id(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    public static Language language(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }
}
