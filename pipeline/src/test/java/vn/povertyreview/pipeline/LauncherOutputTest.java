package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.LoopbackPorts;

/**
 * What {@code ./poverty run} prints while it starts, with the logging configuration it ships: the
 * launcher's own lines, not Kafka's routine warnings (temp state directory, unused client settings,
 * handler notices), which are kept for debug logging. Its data directory is a temporary one, which
 * is what makes Streams warn about its state directory.
 */
class LauncherOutputTest {

    private static final String LAST_LINE = "Press Ctrl+C to stop.";

    @TempDir
    Path dataDir;

    @Test
    void startsWithTheLaunchersOwnLinesAndNoRoutineKafkaWarnings() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of("src", "main", "resources", "logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--data.dir=" + dataDir, "--kafka.embedded.port=" + LoopbackPorts.free(),
                "--kafka.embedded.controller.port=" + LoopbackPorts.free(), "--db.embedded.port=" + LoopbackPorts.free(),
                "--ingest.port=0", "--kafka.topic.partitions=2")
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "launcher-output");
        reader.start();
        try {
            await("the launcher is ready").atMost(Duration.ofMinutes(4))
                    .until(() -> lines.contains(LAST_LINE) || !launcher.isAlive());
        } finally {
            launcher.destroy(); // SIGTERM: the shutdown hook stops the services and the embedded servers
            if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
                launcher.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        List<String> startUp = new ArrayList<>(lines.subList(0, Math.max(lines.indexOf(LAST_LINE) + 1, 0)));
        String shown = String.join("\n", lines);
        assertThat(startUp).as(shown).contains("Ready.", LAST_LINE);
        assertThat(startUp).as(shown).anyMatch(line -> line.startsWith("  Metrics:     http://127.0.0.1:"));
        assertThat(startUp).as("warnings and errors while starting:\n%s", shown)
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
    }
}
