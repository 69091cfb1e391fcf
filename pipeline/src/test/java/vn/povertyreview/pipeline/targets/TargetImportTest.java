package vn.povertyreview.pipeline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV import against a stand-in for the ingest API that records what it was sent. */
class TargetImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = """
            unitCode,reviewYear,measure,kind,value,baselinePoorHouseholds,baselineTotalHouseholds
            38,2025,,RATE_POINTS,4.0,,
            15271-TK1,2025,POVERTY_RATE,HOUSEHOLDS,13,,

            15271,2025,,BASELINE_PERCENT,35,120,2400
            """;

    private HttpServer api;
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int answerStatus = 202;
    private volatile String answerBody = "{\"written\":3}";
    private TargetImport targetImport;

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/v1/targets", exchange -> {
            received.set(JSON.readTree(exchange.getRequestBody()));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answerBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answerStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        targetImport = new TargetImport("http://127.0.0.1:" + api.getAddress().getPort() + "/", "secret",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void sendsEveryLineAsOneRequestWithNumbersAsNumbersAndEmptyCellsLeftOut() throws Exception {
        TargetImport.Outcome outcome = targetImport.importCsv(new StringReader(CSV));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.set()).isEqualTo(3);
        assertThat(authorization.get()).isEqualTo("Bearer secret");
        assertThat(received.get()).hasSize(3);
        assertThat(received.get().get(0).toString())
                .isEqualTo("{\"unitCode\":\"38\",\"reviewYear\":2025,\"kind\":\"RATE_POINTS\",\"value\":\"4.0\"}");
        assertThat(received.get().get(1).path("measure").asText()).isEqualTo("POVERTY_RATE");
        assertThat(received.get().get(2).path("baselinePoorHouseholds").isIntegralNumber()).isTrue();
        assertThat(received.get().get(2).path("baselineTotalHouseholds").asLong()).isEqualTo(2400);
    }

    @Test
    void reportsEveryBrokenRuleWithTheLineOfTheFile() throws Exception {
        answerStatus = 422;
        answerBody = """
                {"error":"invalid-targets","rejected":[{"index":1,"unitCode":"15271-TK1","errors":[
                 {"field":"value","rule":"value.wholeHouseholds","message":"A household target must be a whole number."}]}]}
                """;

        TargetImport.Outcome outcome = targetImport.importCsv(new StringReader(CSV));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.set()).isZero();
        assertThat(outcome.problems()).containsExactly(
                "line 3 (15271-TK1): value.wholeHouseholds — A household target must be a whole number.");
    }

    @Test
    void refusesAFileThatIsNotATargetCsvBeforeSendingAnything() {
        assertThatThrownBy(() -> targetImport.importCsv(new StringReader("unitCode,year,kind,value\n38,2025,END_RATE,3.02\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown column(s) [year]");
        assertThatThrownBy(() -> targetImport.importCsv(new StringReader("unitCode,reviewYear,value\n38,2025,3.02\n")))
                .hasMessageContaining("missing column(s) [kind]");
        assertThatThrownBy(() -> targetImport.importCsv(new StringReader("unitCode,reviewYear,kind,value\n")))
                .hasMessageContaining("no target lines");
        assertThat(received.get()).isNull();
    }
}
