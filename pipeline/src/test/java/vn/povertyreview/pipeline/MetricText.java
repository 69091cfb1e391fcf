package vn.povertyreview.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.OptionalDouble;

/** A {@code /metrics} answer as a test reads it: the value of a sample by its name and some of its labels. */
record MetricText(String text, String contentType) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static MetricText read(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(serviceUrl + "/metrics answered " + response.statusCode());
        }
        return new MetricText(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * The sum of the samples called {@code name} that have every label given as {@code key="value"};
     * empty when there is none.
     */
    OptionalDouble value(String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labelPart = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
            if (Arrays.stream(labels).allMatch(labelPart::contains)) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += Double.parseDouble(value);
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The value, or 0 when there is no such sample (a counter not yet counted). */
    double valueOrZero(String name, String... labels) {
        return value(name, labels).orElse(0);
    }
}
