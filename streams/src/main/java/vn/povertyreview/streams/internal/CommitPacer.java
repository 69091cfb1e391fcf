package vn.povertyreview.streams.internal;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Decides when a task asks Streams to commit early, and so when summed changes are published.
 *
 * <p>Streams commits every {@code commit.interval.ms}, which the application sets to its freshness
 * budget: the longest a change may wait under a backlog, when publishing less often means far
 * fewer rollups for the same reviews. While the pipeline keeps up that is too slow, so every
 * publish interval the pacer looks at what its processor handled since its last look and asks
 * for a commit
 *
 * <ul>
 *   <li>if the newest record was written less than {@link #LIVE} ago: live input, not backlog;
 *   <li>or if it handled nothing since its last look but has handled records since the last
 *       commit: a backlog has been worked off (or a burst of changes from upstream), and what it
 *       left should not wait for the budget.
 * </ul>
 *
 * <p>Under a backlog the records handled are older than {@link #LIVE} and keep coming, and commits
 * come at the budget.
 */
final class CommitPacer {

    /** A record written this recently is live input, not backlog. */
    static final Duration LIVE = Duration.ofSeconds(2);

    private final ProcessorContext<?, ?> context;
    private long newestSinceLook = Long.MIN_VALUE;
    private boolean handledSinceCommit;

    CommitPacer(ProcessorContext<?, ?> context, Duration publishInterval) {
        this.context = context;
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::look);
    }

    /** Notes a record the processor handled. */
    void handled(long timestamp) {
        newestSinceLook = Math.max(newestSinceLook, timestamp);
        handledSinceCommit = true;
    }

    /** Notes that the task is committing: everything handled so far is in this commit. */
    void committing() {
        handledSinceCommit = false;
    }

    private void look(long now) {
        boolean handledSinceLook = newestSinceLook != Long.MIN_VALUE;
        boolean live = handledSinceLook && now - newestSinceLook < LIVE.toMillis();
        boolean workedOff = !handledSinceLook && handledSinceCommit;
        if (live || workedOff) {
            context.commit();
        }
        newestSinceLook = Long.MIN_VALUE;
    }
}
