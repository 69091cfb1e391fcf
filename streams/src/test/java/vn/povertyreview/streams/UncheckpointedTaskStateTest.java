package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task directories a crash leaves without a checkpoint go; everything Streams can still use stays. */
class UncheckpointedTaskStateTest {

    private static final String APPLICATION = "poverty-rollups";

    @TempDir
    Path stateDir;

    @Test
    void removesTheTasksWithStoresButNoCheckpointAndKeepsTheRest() throws Exception {
        Path application = stateDir.resolve(APPLICATION);
        Path crashed = store(application.resolve("0_0"));
        Path alsoCrashed = store(application.resolve("1_3"));
        Path closedCleanly = store(application.resolve("0_1"));
        Files.writeString(closedCleanly.resolve(".checkpoint"), "0\n1\nhousehold-history-changelog 1 42\n");
        Path empty = Files.createDirectories(application.resolve("0_2"));
        Files.createFile(empty.resolve(".lock"));
        Path processMetadata = Files.writeString(application.resolve("kafka-streams-process-metadata"), "{}");

        assertThat(UncheckpointedTaskState.remove(stateDir, APPLICATION)).containsExactly("0_0", "1_3");

        assertThat(crashed).doesNotExist();
        assertThat(alsoCrashed).doesNotExist();
        assertThat(closedCleanly.resolve("rocksdb/household-history-store/CURRENT")).exists();
        assertThat(empty).exists();
        assertThat(processMetadata).exists();
        assertThat(UncheckpointedTaskState.remove(stateDir, APPLICATION)).as("nothing left to remove").isEmpty();
    }

    @Test
    void removesNothingWhileAnotherInstanceHoldsTheStateDirectory() throws Exception {
        Path application = stateDir.resolve(APPLICATION);
        Path crashed = store(application.resolve("0_0"));
        // Held here as a running instance holds it (Streams locks the same file).
        try (FileChannel channel = FileChannel.open(application.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThat(UncheckpointedTaskState.remove(stateDir, APPLICATION)).isEmpty();
        }
        assertThat(crashed).exists();
    }

    @Test
    void aStateDirectoryThatDoesNotExistYetIsNothingToRemove() {
        assertThat(UncheckpointedTaskState.remove(stateDir.resolve("never-started"), APPLICATION)).isEmpty();
    }

    private static Path store(Path task) throws Exception {
        Path store = Files.createDirectories(task.resolve("rocksdb").resolve("household-history-store"));
        Files.writeString(store.resolve("CURRENT"), "MANIFEST-000001\n");
        return task;
    }
}
