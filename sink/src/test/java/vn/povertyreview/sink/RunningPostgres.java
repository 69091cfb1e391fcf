package vn.povertyreview.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.povertyreview.embedded.EmbeddedPostgresServer;

/**
 * A real PostgreSQL for the tests of one class, with fsync off: started in a directory of its own
 * before the class's first test and stopped, its directory removed, after the last. Register it
 * with {@code @RegisterExtension static final RunningPostgres postgres = new RunningPostgres();}.
 */
final class RunningPostgres implements BeforeAllCallback, AfterAllCallback {

    private Path dataDir;
    private EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("sink-test-postgres");
        server = EmbeddedPostgresServer.start(dataDir, false);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(RunningPostgres::delete);
            }
        }
    }

    /** The running server. */
    EmbeddedPostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is started before the class's first test");
        }
        return server;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
