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
    private CommitPacer pacer;
    private Punctuator look;

    @BeforeEach
    void schedule() {
        pacer = new CommitPacer(context, Duration.ofMillis(200));
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(context.scheduledPunctuators().get(0).getInterval()).isEqualTo(Duration.ofMillis(200));
        look = context.scheduledPunctuators().get(0).getPunctuator();
    }

    @Test
    void commitsEveryLookWhileRecordsAreLive() {
        pacer.handled(NOW - 50);
        look.punctuate(NOW);
        assertThat(context.committed()).isTrue();
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
        assertThat(context.committed()).as("nothing since the last look, something since the last commit").isTrue();

        context.resetCommit();
        pacer.committing();
        look.punctuate(NOW + 400);
        assertThat(context.committed()).as("nothing new since the commit").isFalse();
    }

    @Test
    void anIdleTaskNeverAsks() {
        look.punctuate(NOW);
        look.punctuate(NOW + 200);
        assertThat(context.committed()).isFalse();
    }
}
