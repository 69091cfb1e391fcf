package vn.povertyreview.ingest.internal.body;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The records of one request body, handed over one at a time so that a large upload is never held
 * as one document. Not thread-safe.
 */
public interface RecordSource {

    /**
     * Hands every record to {@code each}, in the order of the body. An exception {@code each}
     * throws stops the reading and comes out of this method unchanged.
     *
     * @throws MalformedBodyException when the body cannot be read further, saying where it broke
     * @throws IOException when reading the body fails, including {@link BodyTooLargeException}
     */
    void forEach(Consumer<SubmittedRecord> each) throws IOException;
}
