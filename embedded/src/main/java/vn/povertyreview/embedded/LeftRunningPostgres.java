package vn.povertyreview.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns an embedded PostgreSQL data directory, and what to do with a server a dead owner left.
 *
 * <p>The server runs as a process of its own, so it outlives a launcher killed with {@code kill -9}.
 * Each owner holds an operating-system lock on {@code owner.lock} beside the data directory while
 * it runs; the system releases it when the owner dies, however it dies. So at a start, a lock that
 * can be taken while {@code postmaster.pid} names a live server means that server was left by a
 * dead owner: it is stopped cleanly and the start goes on afresh, never reusing it. The stop is
 * PostgreSQL's fast shutdown, which ends the sessions of clients that outlived the owner (a sink
 * run as a process of its own) and checkpoints: a smart one would wait for those clients for ever. A lock that cannot be taken means a live owner: the start
 * is refused.
 */
final class LeftRunningPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(LeftRunningPostgres.class);
    /** A fast shutdown takes a moment; past this the server is killed, and recovers from its log at the next start. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private LeftRunningPostgres() {
    }

    /**
     * Takes the ownership of {@code dataDir} ({@code <dataDir>/owner.lock}), stopping a server left
     * running on {@code pgdata} by a dead owner first; the lock is held until it is released or this
     * process ends.
     *
     * @throws IllegalStateException if a live process owns the directory
     */
    static FileLock takeOwnership(Path dataDir, Path pgdata) throws IOException {
        Files.createDirectories(dataDir);
        Path lockFile = dataDir.resolve("owner.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the PostgreSQL data in " + dataDir + " is in use by another running launcher; stop it first");
        }
        stopLeftover(pgdata);
        return lock;
    }

    /** Stops the server {@code pgdata/postmaster.pid} names, if it is still running. */
    private static void stopLeftover(Path pgdata) throws IOException {
        Optional<ProcessHandle> server = runningServer(pgdata);
        if (server.isEmpty()) {
            return; // none, or a stale file of a server that died too, which PostgreSQL itself replaces
        }
        ProcessHandle postmaster = server.get();
        long started = System.nanoTime();
        fastShutdown(postmaster);
        if (!exited(postmaster, STOP_WAIT)) {
            postmaster.destroyForcibly();
            exited(postmaster, STOP_WAIT);
        }
        LOG.warn("Found PostgreSQL (pid {}) left running on {} by a launcher that did not stop it; stopped it in {} ms and starting afresh",
                postmaster.pid(), pgdata, (System.nanoTime() - started) / 1_000_000);
    }

    /** SIGINT, PostgreSQL's fast shutdown; the JDK sends only SIGTERM (a smart shutdown) and SIGKILL. */
    private static void fastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                LOG.warn("kill -INT {} failed: {}", postmaster.pid(), new String(kill.getInputStream().readAllBytes()).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL (pid " + postmaster.pid() + ")", e);
        }
    }

    private static Optional<ProcessHandle> runningServer(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // half written by a server that died starting: PostgreSQL replaces it
        }
        // The pid may have been reused by another program since: only a postgres process is stopped.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
