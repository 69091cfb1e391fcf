package vn.povertyreview.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.povertyreview.embedded.LoopbackPorts;
import vn.povertyreview.ingest.internal.auth.TokenHashes;

/**
 * The pipeline as five processes on one machine, each able to fail alone: {@code ./poverty
 * database}, {@code broker}, {@code ingest}, {@code sink} and {@code streams}, on free loopback
 * ports chosen once, so that a restarted process is found where it was. The three services serve
 * {@code /health}; the pipeline is UP when all three say UP. Not thread-safe.
 */
final class SeparateServices implements AutoCloseable {

    static final String DATABASE = "database";
    static final String BROKER = "broker";
    static final String INGEST = "ingest";
    static final String SINK = "sink";
    static final String STREAMS = "streams";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, URI> healthUrls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String bootstrapServers;
    private final String ingestUrl;
    private final String token;
    private String jdbcUrl;

    /** Starts every process in dependency order and waits until each is ready. */
    SeparateServices(Path directory, int partitions, long seed) {
        Path logs = directory.resolve("logs");
        int brokerPort = LoopbackPorts.free();
        int ingestPort = LoopbackPorts.free();
        bootstrapServers = "127.0.0.1:" + brokerPort;
        ingestUrl = "http://127.0.0.1:" + ingestPort;
        token = "adm_fault_injection_" + seed;
        processes.put(DATABASE, new ServiceProcess(DATABASE, List.of(dataDir(directory, DATABASE),
                "--db.embedded.port=" + LoopbackPorts.free()), logs, "256m",
                Optional.of(directory.resolve(DATABASE).resolve("postgres").resolve("pgdata").resolve("postmaster.pid"))));
        processes.put(BROKER, new ServiceProcess(BROKER, List.of(dataDir(directory, BROKER),
                "--kafka.embedded.port=" + brokerPort, "--kafka.embedded.controller.port=" + LoopbackPorts.free(),
                "--kafka.topic.partitions=" + partitions), logs, "1g"));
        healthUrls.put(INGEST, URI.create(ingestUrl + "/health"));
        start(DATABASE);
        jdbcUrl = processes.get(DATABASE).readyLine("JDBC URL:").orElseThrow(
                () -> new IllegalStateException("./poverty database printed no JDBC URL; see " + processes.get(DATABASE).log()));
        start(BROKER);
        processes.put(INGEST, new ServiceProcess(INGEST, List.of(dataDir(directory, INGEST), kafka(),
                "--ingest.port=" + ingestPort, "--ingest.admin.token.sha256=" + TokenHashes.sha256Hex(token)), logs, "512m"));
        start(INGEST);
        processes.put(SINK, service(SINK, directory, logs, "512m", "--db.url=" + jdbcUrl));
        start(SINK);
        processes.put(STREAMS, service(STREAMS, directory, logs, "1g"));
        start(STREAMS);
    }

    private ServiceProcess service(String role, Path directory, Path logs, String heap, String... more) {
        int healthPort = LoopbackPorts.free();
        healthUrls.put(role, URI.create("http://127.0.0.1:" + healthPort + "/health"));
        List<String> settings = new ArrayList<>(List.of(dataDir(directory, role), kafka(), "--health.port=" + healthPort));
        settings.addAll(List.of(more));
        return new ServiceProcess(role, settings, logs, heap);
    }

    private String kafka() {
        return "--kafka.bootstrap.servers=" + bootstrapServers;
    }

    private static String dataDir(Path directory, String role) {
        return "--data.dir=" + directory.resolve(role);
    }

    private void start(String role) {
        ServiceProcess process = processes.get(role);
        process.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!process.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("./poverty " + role + " was not ready within " + START_TIMEOUT.toMinutes()
                        + " min; see " + process.log());
            }
            FaultInjector.pause(Duration.ofMillis(100));
        }
    }

    ServiceProcess process(String role) {
        return processes.get(role);
    }

    String ingestUrl() {
        return ingestUrl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The token the uploaders send: the admin's, which may submit and withdraw in every commune. */
    String token() {
        return token;
    }

    /**
     * What is not UP, by service, or an empty map when every service's {@code /health} answers UP.
     * A service that does not answer counts as DOWN.
     */
    Map<String, String> notUp() {
        Map<String, String> notUp = new LinkedHashMap<>();
        healthUrls.forEach((role, url) -> {
            String status = healthOf(url);
            if (!status.equals("UP")) {
                notUp.put(role, status);
            }
        });
        return notUp;
    }

    private String healthOf(URI url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(answer.body());
            String status = body.path("status").asText("?");
            return status.equals("UP") ? status : status + " " + body.path("reasons");
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer";
        }
    }

    /** Stops the services and then the servers, each cleanly. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
    }

    /** Launches a stopped or killed process again, without waiting for it: see {@link #isReady}. */
    void relaunch(String role) {
        processes.get(role).start();
    }

    /** Whether the process of {@code role} printed "Ready." since it was last launched. */
    boolean isReady(String role) {
        return processes.get(role).isReady();
    }
}
