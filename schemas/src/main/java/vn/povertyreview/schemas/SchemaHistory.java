package vn.povertyreview.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a schema, kept as resources {@code history/<RecordName>/v<n>.avsc}
 * (self-contained JSON, numbered from 1 without gaps). A reader must be able to decode every one
 * of them, because records written by any released version may still sit in a topic or a store.
 */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /** The released versions of the named record, oldest first. */
    public static List<Schema> released(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = "history/" + recordName + "/v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no released version of schema " + recordName + " (expected resource history/"
                    + recordName + "/v1.avsc)");
        }
        return versions;
    }
}
