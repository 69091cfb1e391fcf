package vn.povertyreview.pipeline.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.povertyreview.pipeline.tokens.TokenCommand;

/**
 * Imports reduction targets from a CSV file (one target per line, with a header) through the
 * ingest API's {@code PUT /api/v1/targets}: the whole file is one request, so either every target
 * is set or, if any line breaks a rule, none is, and each broken rule is reported with its line.
 *
 * <p>Columns: {@code unitCode, reviewYear, kind, value} and optionally {@code measure},
 * {@code baselinePoorHouseholds}, {@code baselineTotalHouseholds}; empty cells are left out.
 */
public final class TargetImport {

    static final Set<String> REQUIRED = Set.of("unitCode", "reviewYear", "kind", "value");
    static final Set<String> COLUMNS = Set.of("unitCode", "reviewYear", "measure", "kind", "value",
            "baselinePoorHouseholds", "baselineTotalHouseholds");
    private static final Set<String> NUMBERS = Set.of("reviewYear", "baselinePoorHouseholds", "baselineTotalHouseholds");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String ingestUrl;
    private final String adminToken;
    private final PrintStream out;

    public TargetImport(String ingestUrl, String adminToken, PrintStream out) {
        this.ingestUrl = ingestUrl.endsWith("/") ? ingestUrl.substring(0, ingestUrl.length() - 1) : ingestUrl;
        this.adminToken = adminToken;
        this.out = out;
    }

    /** What an import came to: how many targets were set, and every problem with its line. */
    public record Outcome(int set, List<String> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads the CSV and sends it.
     *
     * @throws IllegalArgumentException when the file is not a target CSV (missing or unknown columns)
     */
    public Outcome importCsv(Reader csv) throws IOException, InterruptedException {
        ArrayNode targets = read(csv);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the file has no target lines under its header");
        }
        out.printf("Sending %d targets ...%n", targets.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/targets"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header(TokenCommand.CLIENT_HEADER, TokenCommand.CLI)
                .timeout(Duration.ofMinutes(2))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(targets)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Outcome(body.path("written").asInt(targets.size()), List.of());
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode rejected : body.path("rejected")) {
            // The header is line 1, so the target at index i is on line i + 2.
            int line = rejected.path("index").asInt() + 2;
            for (JsonNode error : rejected.path("errors")) {
                problems.add("line " + line + " (" + rejected.path("unitCode").asText("?") + "): "
                        + error.path("rule").asText() + " — " + error.path("message").asText());
            }
        }
        if (problems.isEmpty()) {
            problems.add("the ingest API answered " + status + ": " + body.path("message").asText(body.toString()));
        }
        return new Outcome(0, problems);
    }

    /** The CSV's lines as the API's JSON objects, numbers as numbers and empty cells left out. */
    static ArrayNode read(Reader csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        ArrayNode targets = JSON.createArrayNode();
        try (MappingIterator<Map<String, String>> lines = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            boolean any = lines.hasNext(); // reads the header
            checkColumns(((CsvSchema) lines.getParserSchema()).getColumnNames());
            while (any && lines.hasNext()) {
                ObjectNode target = JSON.createObjectNode();
                for (Map.Entry<String, String> cell : lines.next().entrySet()) {
                    String value = cell.getValue();
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    if (NUMBERS.contains(cell.getKey()) && value.matches("-?\\d{1,18}")) {
                        target.put(cell.getKey(), Long.parseLong(value));
                    } else {
                        target.put(cell.getKey(), value); // the API names anything else that is not valid
                    }
                }
                targets.add(target);
            }
        }
        return targets;
    }

    private static void checkColumns(List<String> header) {
        Set<String> unknown = new LinkedHashSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown column(s) " + unknown + "; a target CSV has the columns " + COLUMNS);
        }
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing column(s) " + missing + "; a target CSV needs " + REQUIRED);
        }
    }
}
