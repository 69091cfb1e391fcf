package vn.povertyreview.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local state a crash leaves behind, removed before Streams starts.
 *
 * <p>Under exactly-once a task's stores may hold writes of a transaction that never committed, so
 * Streams trusts a task's local state only when the task wrote its checkpoint file on a clean
 * close. After a kill -9 no task has one, and Streams opens every store, finds it without a
 * checkpoint, declares the task corrupted, closes and wipes it, and restores it from the
 * changelog. Opening and wiping RocksDB for each task took seconds of a restart, on top of the
 * restore; removing the same directories first gives the same result (the state is rebuilt from
 * the changelogs either way) without that cost. A task directory with a checkpoint file is kept
 * for Streams to judge, and so is the process metadata that keeps task assignments sticky.
 *
 * <p>Nothing is removed while another Streams instance holds the application's state directory
 * (its {@code .lock}): that instance's stores are in use, and its own start fails with Streams'
 * clear error.
 */
public final class UncheckpointedTaskState {

    /** Streams names a task's directory {@code <subtopology>_<partition>}. */
    private static final Pattern TASK_DIRECTORY = Pattern.compile("\\d+_\\d+");
    private static final String CHECKPOINT_FILE = ".checkpoint";
    private static final String LOCK_FILE = ".lock";

    private UncheckpointedTaskState() {
    }

    /**
     * Removes every task directory under {@code stateDir/applicationId} that has stores but no
     * checkpoint file, and returns the ids of the tasks removed.
     */
    public static List<String> remove(Path stateDir, String applicationId) {
        Path applicationDir = stateDir.resolve(applicationId);
        if (!Files.isDirectory(applicationDir)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(applicationDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return List.of();
            }
            List<Path> leftovers;
            try (Stream<Path> tasks = Files.list(applicationDir)) {
                leftovers = tasks.filter(UncheckpointedTaskState::isUncheckpointedTask).sorted().toList();
            }
            for (Path task : leftovers) {
                deleteRecursively(task);
            }
            return leftovers.stream().map(task -> task.getFileName().toString()).toList();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return List.of(); // another instance in this JVM holds it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the state a crash left in " + applicationDir, e);
        }
    }

    private static boolean isUncheckpointedTask(Path path) {
        if (!Files.isDirectory(path) || !TASK_DIRECTORY.matcher(path.getFileName().toString()).matches()
                || Files.exists(path.resolve(CHECKPOINT_FILE))) {
            return false;
        }
        try (Stream<Path> contents = Files.list(path)) {
            // An empty directory (or one holding only its lock file) costs Streams nothing.
            return contents.anyMatch(content -> !content.getFileName().toString().equals(LOCK_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
