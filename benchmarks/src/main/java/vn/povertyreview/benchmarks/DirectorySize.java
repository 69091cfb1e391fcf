package vn.povertyreview.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * Bytes of Kafka's segment files per topic under a broker's log directory, whose partition
     * directories are named {@code <topic>-<partition>}; largest first.
     */
    static Map<String, Long> ofTopics(Path logDirectory) {
        Map<String, Long> sizes = new HashMap<>();
        if (!Files.isDirectory(logDirectory)) {
            return sizes;
        }
        try (Stream<Path> files = Files.walk(logDirectory)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".log"))
                    .forEach(file -> {
                        String partition = file.getParent().getFileName().toString();
                        int dash = partition.lastIndexOf('-');
                        if (dash > 0 && partition.substring(dash + 1).chars().allMatch(Character::isDigit)) {
                            sizes.merge(partition.substring(0, dash), sizeOf(file), Long::sum);
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot measure " + logDirectory + ": " + e.getMessage(), e);
        }
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
        return largestFirst;
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
