package vn.povertyreview.ingest.internal.body;

import java.io.IOException;
import java.util.function.Consumer;

/** A body read by asking for one record after another (JSON, NDJSON, CSV). Not thread-safe. */
public interface PulledRecordSource extends RecordSource {

    /**
     * The next record, or null after the last one.
     *
     * @throws MalformedBodyException when the body cannot be read further, saying where it broke
     * @throws IOException when reading the body fails, including {@link BodyTooLargeException}
     */
    SubmittedRecord next() throws IOException;

    @Override
    default void forEach(Consumer<SubmittedRecord> each) throws IOException {
        SubmittedRecord record;
        while ((record = next()) != null) {
            each.accept(record);
        }
    }
}
