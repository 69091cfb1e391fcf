package vn.povertyreview.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import vn.povertyreview.embedded.LoopbackPorts;

/** The whole product, embedded, on free loopback ports with its data in a test's directory. */
final class TestPipelines {

    private TestPipelines() {
    }

    /** Settings for an embedded run in {@code dataDir}; the ports are chosen once, so a restart reuses them. */
    static Settings embeddedSettings(Path dataDir, int partitions) {
        return Settings.defaults()
                .with(Setting.DATA_DIR, dataDir.toString())
                .with(Setting.KAFKA_EMBEDDED_PORT, Integer.toString(LoopbackPorts.free()))
                .with(Setting.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(LoopbackPorts.free()))
                .with(Setting.DB_EMBEDDED_PORT, Integer.toString(LoopbackPorts.free()))
                .with(Setting.INGEST_PORT, "0")
                .with(Setting.KAFKA_TOPIC_PARTITIONS, Integer.toString(partitions))
                // Short, so tests see rollups soon after the last upload.
                .with(Setting.STREAMS_FLUSH_INTERVAL_MS, "200");
    }

    static Pipeline start(Settings settings) throws Exception {
        return new Pipeline(settings).start(Pipeline.Role.ALL, new PrintStream(OutputStream.nullOutputStream()));
    }

    static Pipeline startEmbedded(Path dataDir, int partitions) throws Exception {
        return start(embeddedSettings(dataDir, partitions));
    }
}
