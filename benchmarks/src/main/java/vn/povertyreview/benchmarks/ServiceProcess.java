package vn.povertyreview.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One part of the pipeline run as an operator runs it on one machine: {@code ./poverty <role>} in
 * a JVM of its own, its output appended to {@code <role>.log}. It can be started again after it
 * was killed or stopped, with the same settings and data directory. Not thread-safe: the fault
 * injector alone starts, kills and stops it.
 */
final class ServiceProcess {

    private static final String MAIN = "vn.povertyreview.pipeline.Main";
    private static final String READY = "Ready.";

    private final String role;
    private final List<String> settings;
    private final Path log;
    private final String heap;
    /** The pid file of a server the process starts detached from itself (PostgreSQL's postmaster.pid), if any. */
    private final Optional<Path> serverPidFile;
    private Process process;
    /** Where in the log this launch's output begins: an earlier launch's "Ready." does not count. */
    private long launchedAt;

    ServiceProcess(String role, List<String> settings, Path logs, String heap) {
        this(role, settings, logs, heap, Optional.empty());
    }

    /** A process that runs a server detached from itself, whose pid {@code serverPidFile} names on its first line. */
    ServiceProcess(String role, List<String> settings, Path logs, String heap, Optional<Path> serverPidFile) {
        this.role = role;
        this.settings = List.copyOf(settings);
        this.log = logs.resolve(role + ".log");
        this.heap = heap;
        this.serverPidFile = serverPidFile;
    }

    String role() {
        return role;
    }

    /** Launches the process; {@link #isReady()} says when it printed "Ready.". */
    void start() {
        try {
            Files.createDirectories(log.getParent());
            launchedAt = Files.exists(log) ? Files.size(log) : 0;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", classpath(), MAIN, role));
            command.addAll(settings);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ./poverty " + role, e);
        }
    }

    /** Whether this launch has printed "Ready."; throws if it has exited instead. */
    boolean isReady() {
        String output = outputSinceLaunch();
        if (output.lines().anyMatch(READY::equals)) {
            return true;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("./poverty " + role + " exited with " + process.exitValue() + " before it was ready; see " + log);
        }
        return false;
    }

    /** The value of a line {@code <label> <value>} of this launch's "Ready." lines, such as the JDBC URL. */
    Optional<String> readyLine(String label) {
        return outputSinceLaunch().lines().map(String::strip).filter(line -> line.startsWith(label))
                .map(line -> line.substring(label.length()).strip()).findFirst();
    }

    /**
     * kill -9 of the process, of every process it started and of the server it runs detached: the
     * embedded PostgreSQL's postmaster is no child of its launcher, and dies with it only when the
     * machine or the container does.
     */
    void kill() {
        List<ProcessHandle> children = new ArrayList<>(process.toHandle().descendants().toList());
        server().ifPresent(server -> {
            children.add(server);
            children.addAll(server.descendants().toList());
        });
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process.toHandle());
        children.forEach(ServiceProcess::awaitExit);
    }

    private Optional<ProcessHandle> server() {
        if (serverPidFile.isEmpty() || !Files.exists(serverPidFile.get())) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(serverPidFile.get());
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a server starting or stopping: nothing to kill
        }
    }

    /** A clean stop (SIGTERM, as Ctrl+C or a service manager sends); kill -9 if it has not exited within a minute. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping ./poverty " + role, e);
        }
        children.forEach(ServiceProcess::awaitExit);
    }

    Path log() {
        return log;
    }

    private String outputSinceLaunch() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - launchedAt;
            byte[] bytes = new byte[(int) Math.min(length, 1 << 20)];
            file.seek(launchedAt);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + handle.pid() + " did not exit", e);
        }
    }

    /**
     * The classpath of the harness itself, which holds the whole pipeline: the JVM's, or, when the
     * harness runs inside Maven ({@code exec:java}), that of the class loader Maven built for it.
     */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            return Arrays.stream(loader.getURLs()).map(url -> Path.of(URI.create(url.toString())).toString())
                    .collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }
}
