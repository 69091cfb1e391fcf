package vn.povertyreview.streams.internal;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
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
 *   <li>or if neither it nor any other task of its stream thread has handled anything for {@link
 *       #QUIET}, but it has handled records since the last commit: a backlog has been worked off
 *       (or a burst of changes from upstream), and what it left should not wait for the budget. A
 *       pause of one task alone is no sign of that ({@link ThreadActivity}).
 * </ul>
 *
 * <p>Under a backlog the records handled are older than {@link #LIVE} and keep coming, and commits
 * come at the budget. A commit commits every task of its stream thread, so one task asking early
 * publishes what all of them summed; and under a backlog the rollup step receives the summed
 * changes in bursts, one per commit upstream, and pauses between them. So the history step marks
 * the changes it sends while it is working through a backlog with the header {@value
 * #BACKLOG_HEADER} ({@link #inBacklog}), and the rollup step does not count a pause after marked
 * changes as a backlog worked off ({@link #handledFromBacklog}): otherwise every burst would
 * bring on an early commit, and that commit the next burst. Each early commit asked for is counted,
 * by reason, in the task metric {@value #EARLY_COMMITS_METRIC} of group {@value
 * UnitRollupProcessor#METRIC_GROUP}.
 */
final class CommitPacer {

    /** A record written this recently is live input, not backlog. */
    static final Duration LIVE = Duration.ofSeconds(2);

    /** A stream thread none of whose tasks has handled anything for this long has worked off what it had. */
    static final Duration QUIET = Duration.ofSeconds(1);

    /** Marks a record sent by a task working through a backlog: more is coming, no reason to commit early. */
    static final String BACKLOG_HEADER = "poverty-backlog";

    /** The metric counting early commits a processor asked for, tagged with the processor and the reason. */
    static final String EARLY_COMMITS_METRIC = "early-commits-total";

    private final ProcessorContext<?, ?> context;
    private final ThreadActivity thread;
    private final Sensor liveCommits;
    private final Sensor workedOffCommits;
    private long newestSinceLook = Long.MIN_VALUE;
    private boolean handledSinceCommit;
    /** The last look that found records handled. */
    private long lastBusyLook = Long.MIN_VALUE;
    /** The newest record handled so far. */
    private long newestHandled = Long.MIN_VALUE;

    /** Starts pacing the commits of {@code processor}'s task; {@link #close} ends it. */
    CommitPacer(ProcessorContext<?, ?> context, ThreadActivity thread, String processor, Duration publishInterval) {
        this.context = context;
        this.thread = thread;
        this.liveCommits = earlyCommits(context, processor, "live");
        this.workedOffCommits = earlyCommits(context, processor, "worked-off");
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::look);
    }

    /** Notes a record the processor handled. */
    void handled(long timestamp) {
        handledFromBacklog(timestamp);
        handledSinceCommit = true;
    }

    /**
     * Notes a record sent by a task working through a backlog: it keeps the processor busy, but the
     * pause after it is no reason for an early commit, since more will come with the sender's next commit.
     */
    void handledFromBacklog(long timestamp) {
        newestSinceLook = Math.max(newestSinceLook, timestamp);
        newestHandled = Math.max(newestHandled, timestamp);
    }

    /** Whether the processor is working through a backlog at {@code now}: it is busy, and with records that are not live. */
    boolean inBacklog(long now) {
        boolean busy = newestSinceLook != Long.MIN_VALUE || now - lastBusyLook < QUIET.toMillis();
        return busy && now - newestHandled >= LIVE.toMillis();
    }

    /** Whether {@code headers} mark their record as sent from a backlog. */
    static boolean fromBacklog(Headers headers) {
        return headers.lastHeader(BACKLOG_HEADER) != null;
    }

    /** Headers for one record sent, marked if it is sent from a backlog; fresh ones for each record. */
    static Headers headers(boolean fromBacklog) {
        RecordHeaders headers = new RecordHeaders();
        if (fromBacklog) {
            headers.add(BACKLOG_HEADER, new byte[0]);
        }
        return headers;
    }

    /** Notes that the task is committing: everything handled so far is in this commit. */
    void committing() {
        handledSinceCommit = false;
    }

    /** Removes the pacer's metrics; the processor calls it from its {@code close}. */
    void close() {
        context.metrics().removeSensor(liveCommits);
        context.metrics().removeSensor(workedOffCommits);
    }

    private void look(long now) {
        boolean handledSinceLook = newestSinceLook != Long.MIN_VALUE;
        boolean live = handledSinceLook && now - newestSinceLook < LIVE.toMillis();
        if (handledSinceLook) {
            lastBusyLook = now;
            thread.busyAt(now);
        }
        boolean workedOff = !handledSinceLook && handledSinceCommit && now - thread.lastBusy() >= QUIET.toMillis();
        if (live) {
            liveCommits.record();
        } else if (workedOff) {
            workedOffCommits.record();
        }
        if (live || workedOff) {
            context.commit();
        }
        newestSinceLook = Long.MIN_VALUE;
    }

    private static Sensor earlyCommits(ProcessorContext<?, ?> context, String processor, String reason) {
        String task = context.taskId().toString();
        Sensor sensor = context.metrics().addSensor(EARLY_COMMITS_METRIC + "-" + processor + "-" + reason + "-" + task,
                Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(EARLY_COMMITS_METRIC, UnitRollupProcessor.METRIC_GROUP,
                "Early commits a processor asked for, by reason (live input, or a backlog worked off)",
                Map.of("task-id", task, "processor", processor, "reason", reason)), new CumulativeCount());
        return sensor;
    }
}
