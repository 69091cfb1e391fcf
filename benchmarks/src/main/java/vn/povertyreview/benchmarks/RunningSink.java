package vn.povertyreview.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.sink.RollupSink;
import vn.povertyreview.sink.SinkProgress;
import vn.povertyreview.sink.SinkSettings;

/**
 * The sink's writers, each a {@link RollupSink} on its own thread in one consumer group, as the
 * launcher runs them. Close it to stop them.
 */
final class RunningSink implements AutoCloseable {

    private final SinkSettings settings;
    private final List<RollupSink> sinks = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunningSink(SinkSettings settings, Jdbi jdbi, int writers) {
        this.settings = settings;
        for (int writer = 0; writer < writers; writer++) {
            RollupSink sink = new RollupSink(settings, jdbi);
            Thread thread = new Thread(sink, "rollup-sink-" + writer);
            thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
            sinks.add(sink);
            threads.add(thread);
            thread.start();
        }
    }

    SinkSettings settings() {
        return settings;
    }

    /** The writers' counters, summed. */
    SinkProgress progress() {
        return sinks.stream().map(RollupSink::progress).reduce(SinkProgress.NONE, SinkProgress::plus);
    }

    /** Fails if a writer's loop has ended on an error. */
    void requireRunning() {
        if (failure.get() != null) {
            throw new IllegalStateException("the rollup sink stopped: " + failure.get().getMessage(), failure.get());
        }
        if (!threads.stream().allMatch(Thread::isAlive)) {
            throw new IllegalStateException("the rollup sink stopped; see the log");
        }
    }

    @Override
    public void close() {
        sinks.forEach(RollupSink::close);
    }
}
