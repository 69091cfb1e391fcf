package vn.povertyreview.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.povertyreview.embedded.EmbeddedKafka;

/**
 * One real broker for every test class that does not stop it, started on first use and stopped
 * when the test JVM exits: starting a broker per class would cost more than the tests themselves.
 * Test classes keep apart by using topics of their own ({@link TestTopics}).
 */
public final class SharedKafka {

    private static EmbeddedKafka kafka;

    private SharedKafka() {
    }

    public static synchronized EmbeddedKafka get() {
        if (kafka == null) {
            Path dataDir = tempDir("ingest-shared-kafka");
            kafka = EmbeddedKafka.start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                TempDirs.deleteQuietly(dataDir);
            }, "shared-kafka-shutdown"));
        }
        return kafka;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
