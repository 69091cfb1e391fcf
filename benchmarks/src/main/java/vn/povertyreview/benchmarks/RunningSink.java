package vn.povertyreview.benchmarks;

import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.sink.RollupSink;
import vn.povertyreview.sink.SinkProgress;
import vn.povertyreview.sink.SinkSettings;

/** A {@link RollupSink} on its own thread, as the launcher runs it. Close it to stop it. */
final class RunningSink implements AutoCloseable {

    private final SinkSettings settings;
    private final RollupSink sink;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunningSink(SinkSettings settings, Jdbi jdbi) {
        this.settings = settings;
        this.sink = new RollupSink(settings, jdbi);
        this.thread = new Thread(sink, "rollup-sink");
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
    }

    SinkSettings settings() {
        return settings;
    }

    SinkProgress progress() {
        return sink.progress();
    }

    /** Fails if the sink's loop has ended on an error. */
    void requireRunning() {
        if (failure.get() != null) {
            throw new IllegalStateException("the rollup sink stopped: " + failure.get().getMessage(), failure.get());
        }
        if (!thread.isAlive()) {
            throw new IllegalStateException("the rollup sink stopped; see the log");
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
