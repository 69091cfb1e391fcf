package vn.povertyreview.ingest.internal.body;

import java.io.IOException;

/**
 * The records of one request body, read one at a time so that a large upload is never held as one
 * document. Not thread-safe.
 */
public interface RecordSource {

    /**
     * The next record, or null after the last one.
     *
     * @throws MalformedBodyException when the body cannot be read further, saying where it broke
     * @throws IOException when reading the body fails, including {@link BodyTooLargeException}
     */
    SubmittedRecord next() throws IOException;
}
