package vn.povertyreview.ingest.internal.body;

import java.io.IOException;

/**
 * The request body went past its size limit while being read. An {@link IOException} so that it
 * passes unchanged through the parsers that read the body.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
