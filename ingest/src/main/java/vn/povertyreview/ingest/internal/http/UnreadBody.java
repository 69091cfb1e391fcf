package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a refused request's body before the answer goes out. A server
 * that answers while the client is still sending and then closes the connection resets it, and
 * the client may never see the answer saying why (a 413, a 415, a 401 to an upload).
 */
final class UnreadBody {

    /** Past this much the connection is dropped instead: reading more of a refused body would only cost. */
    static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    private UnreadBody() {
    }

    static void discard(Context ctx) {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        try {
            InputStream body = ctx.req().getInputStream();
            int n;
            while (discarded < MAX_DISCARDED_BYTES && (n = body.read(buffer)) >= 0) {
                discarded += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client stopped sending, or the body was read as text already: the answer is the same.
        }
    }
}
