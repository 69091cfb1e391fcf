package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the service, for request bodies and responses alike. */
public final class IngestJson {

    private IngestJson() {
    }

    /** A new mapper; thread-safe once built, so one is shared by the whole service. */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                // {"area":"RURAL","area":"URBAN"} has no single meaning; refuse it rather than pick one.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
