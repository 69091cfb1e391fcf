package vn.povertyreview.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A response as tests look at it: status, headers and the body parsed as JSON. */
public record HttpResult(int status, HttpHeaders headers, JsonNode json, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
