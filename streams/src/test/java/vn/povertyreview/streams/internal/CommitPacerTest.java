package vn.povertyreview.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a task asks for an early commit: live input and a worked-off backlog do; a backlog does not. */
class CommitPacerTest {

    private static final long NOW = 1_800_000_000_000L;

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final ThreadActivity thread = new ThreadActivity();
    private CommitPacer pacer;
    private Punctuator look;

    @BeforeEach
    void schedule() {
        pacer = new CommitPacer(context, thread, "test", Duration.ofMillis(200));
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(context.scheduledPunctuators().get(0).getInterval()).isEqualTo(Duration.ofMillis(200));
        look = context.scheduledPunctuators().get(0).getPunctuator();
    }

    @Test
    void commitsEveryLookWhileRecordsAreLive() {
        pacer.handled(NOW - 50);
        look.punctuate(NOW);
        assertThat(context.committed()).isTrue();
        assertThat(earlyCommits("live")).isEqualTo(1.0);
        assertThat(earlyCommits("worked-off")).isZero();
    }

    @Test
    void leavesCommitsToTheBudgetWhileWorkingThroughABacklog() {
        pacer.handled(NOW - CommitPacer.LIVE.toMillis() - 1);
        look.punctuate(NOW);
        assertThat(context.committed()).as("old records keep coming: a backlog").isFalse();

        pacer.handled(NOW - CommitPacer.LIVE.toMillis());
        look.punctuate(NOW + 200);
        assertThat(context.committed()).isFalse();
    }

    @Test
    void commitsOnceTheBacklogIsWorkedOffAndNotAgainUntilMoreArrives() {
        pacer.handled(NOW - 60_000);
        look.punctuate(NOW);
        assertThat(context.committed()).isFalse();

        look.punctuate(NOW + 200);
        assertThat(context.committed()).as("a pause shorter than QUIET: the input may only have run dry for a moment").isFalse();

        look.punctuate(NOW + CommitPacer.QUIET.toMillis());
        assertThat(context.committed()).as("nothing for QUIET, something since the last commit").isTrue();

        context.resetCommit();
        pacer.committing();
        look.punctuate(NOW + CommitPacer.QUIET.toMillis() + 200);
        assertThat(context.committed()).as("nothing new since the commit").isFalse();
        assertThat(earlyCommits("worked-off")).isEqualTo(1.0);
        assertThat(earlyCommits("live")).isZero();
    }

    @Test
    void aPauseAfterChangesSentFromABacklogIsNoReasonToCommit() {
        pacer.handledFromBacklog(NOW - 60_000);
        look.punctuate(NOW);
        look.punctuate(NOW + CommitPacer.QUIET.toMillis());
        look.punctuate(NOW + 2 * CommitPacer.QUIET.toMillis());
        assertThat(context.committed()).as("more comes with the sender's next commit").isFalse();

        pacer.handled(NOW - 60_000);
        look.punctuate(NOW + 3 * CommitPacer.QUIET.toMillis());
        look.punctuate(NOW + 4 * CommitPacer.QUIET.toMillis());
        assertThat(context.committed()).as("an unmarked change still counts as worked off after a pause").isTrue();
    }

    @Test
    void isInABacklogWhileBusyWithOldRecordsOnly() {
        assertThat(pacer.inBacklog(NOW)).as("idle").isFalse();

        pacer.handled(NOW - 60_000);
        assertThat(pacer.inBacklog(NOW)).isTrue();
        look.punctuate(NOW);
        assertThat(pacer.inBacklog(NOW + 100)).as("busy at the last look").isTrue();
        assertThat(pacer.inBacklog(NOW + CommitPacer.QUIET.toMillis())).as("nothing for QUIET: worked off").isFalse();

        pacer.handled(NOW - 10);
        assertThat(pacer.inBacklog(NOW)).as("live input").isFalse();
    }

    @Test
    void marksRecordsSentFromABacklogOnly() {
        assertThat(CommitPacer.fromBacklog(CommitPacer.headers(true))).isTrue();
        assertThat(CommitPacer.fromBacklog(CommitPacer.headers(false))).isFalse();
    }

    @Test
    void closingRemovesTheMetrics() {
        pacer.close();
        assertThat(context.metrics().metrics().keySet())
                .noneMatch(name -> name.name().equals(CommitPacer.EARLY_COMMITS_METRIC));
    }

    private double earlyCommits(String reason) {
        return context.metrics().metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(CommitPacer.EARLY_COMMITS_METRIC)
                        && metric.getKey().tags().get("reason").equals(reason)
                        && metric.getKey().tags().get("processor").equals("test"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow();
    }

    @Test
    void aPauseWhileTheThreadIsBusyWithOtherTasksIsNoSignOfAWorkedOffBacklog() {
        pacer.handled(NOW - 60_000);
        look.punctuate(NOW);
        for (long at = NOW + 200; at <= NOW + 5 * CommitPacer.QUIET.toMillis(); at += 200) {
            thread.busyAt(at); // another task of the thread, say the rollup step with a burst of changes
            look.punctuate(at);
        }
        assertThat(context.committed()).isFalse();

        look.punctuate(NOW + 6 * CommitPacer.QUIET.toMillis());
        assertThat(context.committed()).as("the whole thread idle for QUIET").isTrue();
    }

    @Test
    void anIdleTaskNeverAsks() {
        look.punctuate(NOW);
        look.punctuate(NOW + 200);
        assertThat(context.committed()).isFalse();
    }
}
