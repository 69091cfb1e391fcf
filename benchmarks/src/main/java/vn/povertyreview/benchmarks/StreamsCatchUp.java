package vn.povertyreview.benchmarks;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import vn.povertyreview.streams.RollupTopology;

/**
 * Whether the rollup application has turned every review sent so far into committed rollups.
 * All of these must hold, checked in this order because each later one is only meaningful once
 * the earlier ones do:
 *
 * <ol>
 *   <li>its committed offsets on household-reviews are at the end: every review processed, and
 *       since the topology sends every summed change inside the commit that processed it, every
 *       change sent, including those that leave the national figures unchanged (a move);
 *   <li>the committed NATION rollup shows the expected counts: every first review flushed;
 *   <li>no transaction is open on the unit-changes repartition topic or on unit-rollups, and no
 *       committed unit change is left unread: every sent change is in a committed rollup.
 * </ol>
 *
 * The caller also requires the answer to stay "done" for a while, longer than a transaction takes
 * to become visible. Not thread-safe.
 */
final class StreamsCatchUp {

    private static final long UNREAD_READ_LIMIT = 10_000;
    private static final Duration FASTEST_WINDOW = Duration.ofSeconds(10);

    private final PipelineRig rig;
    private final String applicationId;
    private final String reviewsTopic;
    private final String rollupsTopic;
    private final String changesTopic;
    private final TopicOffsets offsets;
    private final UnreadRecords unread;
    private final NationWatcher nation;
    private final NationFigures expected;
    private final Pace pace = new Pace();

    StreamsCatchUp(PipelineRig rig, NationFigures expected) {
        this.rig = rig;
        this.applicationId = rig.applicationId();
        this.reviewsTopic = rig.topics().householdReviews().name();
        this.rollupsTopic = rig.topics().unitRollups().name();
        this.changesTopic = applicationId + "-" + RollupTopology.UNIT_CHANGES + "-repartition";
        this.offsets = rig.offsets();
        this.unread = rig.unreadRecords();
        this.nation = rig.nation();
        this.expected = expected;
    }

    Check check() {
        rig.failedStreams().ifPresent(state -> {
            throw new IllegalStateException("an instance of the rollup application stopped (state " + state + ")");
        });
        if (!nation.isRunning()) {
            throw new IllegalStateException("the NATION watcher stopped; see the log");
        }
        Map<TopicPartition, Long> processed = offsets.committed(applicationId, reviewsTopic);
        pace.record(System.nanoTime(), TopicOffsets.distance(Map.of(), processed));
        long inputLag = TopicOffsets.distance(processed, offsets.ends(reviewsTopic, IsolationLevel.READ_UNCOMMITTED));
        if (inputLag > 0) {
            return Check.waiting(String.format("%,d reviews not yet processed and committed", inputLag));
        }
        NationFigures shown = nation.latest();
        if (!shown.equals(expected)) {
            return Check.waiting("NATION rollup to show " + expected + "; it shows " + shown);
        }
        if (offsets.openTransaction(changesTopic) || offsets.openTransaction(rollupsTopic)) {
            return Check.waiting("an open transaction on " + changesTopic + " or " + rollupsTopic);
        }
        Map<TopicPartition, Long> read = offsets.committed(applicationId, changesTopic);
        long unreadChanges = unread.count(read, UNREAD_READ_LIMIT);
        if (unreadChanges > 0) {
            return Check.waiting((unreadChanges > UNREAD_READ_LIMIT ? "many" : String.format("%,d", unreadChanges))
                    + " unit changes not yet rolled up");
        }
        return Check.DONE;
    }

    /** Records per second over the fastest 10 s of committed progress seen by {@link #check()}. */
    double fastestRecordsPerSecond() {
        return pace.fastest(FASTEST_WINDOW);
    }
}
