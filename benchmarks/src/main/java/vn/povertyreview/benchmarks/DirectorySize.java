package vn.povertyreview.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sizes and removal of directory trees. */
final class DirectorySize {

    private DirectorySize() {
    }

    /**
     * Bytes of the regular files under a directory whose names end with {@code suffix} ("" for all).
     * Kafka's index files are preallocated sparse files whose apparent size is mostly holes, so the
     * caller picks the segment files that hold the data.
     */
    static long of(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .mapToLong(DirectorySize::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot measure " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // deleted while walking (a compacted segment, a RocksDB file)
        }
    }

    /** Deletes the directory and everything under it, deepest first. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
