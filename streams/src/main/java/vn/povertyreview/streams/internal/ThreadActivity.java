package vn.povertyreview.streams.internal;

/**
 * When each stream thread last had records to handle, as its tasks' {@link CommitPacer}s see it.
 *
 * <p>A task whose input pauses is not necessarily done: a stream thread goes on handling the
 * records it has buffered for its other tasks before it fetches more, so while it works through a
 * burst of changes for the rollup step the history step's input runs dry, for seconds under a
 * backlog. Only a thread with nothing to handle at all is waiting on its input. One instance is
 * shared by all tasks of a topology; each thread sees its own time.
 */
public final class ThreadActivity {

    private final ThreadLocal<long[]> lastBusy = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE});

    /** Notes that a task of the calling thread had handled records when it looked at {@code now}. */
    void busyAt(long now) {
        long[] last = lastBusy.get();
        last[0] = Math.max(last[0], now);
    }

    /** When a task of the calling thread last found that it had handled records. */
    long lastBusy() {
        return lastBusy.get()[0];
    }
}
