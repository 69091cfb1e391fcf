package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What the restore metrics show: the store partitions being restored and the changelog records they have still to read. */
class RestoreProgressTest {

    private static final String STORE = "household-history-store";
    private static final TopicPartition ZERO = new TopicPartition("poverty-rollups-household-history-store-changelog", 0);
    private static final TopicPartition ONE = new TopicPartition("poverty-rollups-household-history-store-changelog", 1);

    @Test
    void countsWhatIsLeftToRestoreAndWhatWasRestored() {
        RestoreProgress progress = new RestoreProgress();

        progress.onRestoreStart(ZERO, STORE, 0, 100);
        progress.onRestoreStart(ONE, STORE, 50, 80);
        assertThat(progress.restoring()).isEqualTo(2);
        assertThat(progress.remainingRecords()).isEqualTo(130);

        progress.onBatchRestored(ZERO, STORE, 39, 40);
        assertThat(progress.remainingRecords()).isEqualTo(90);
        assertThat(progress.restoredRecords()).isEqualTo(40);

        progress.onBatchRestored(ONE, STORE, 79, 30);
        progress.onRestoreEnd(ONE, STORE, 30);
        assertThat(progress.restoring()).isEqualTo(1);
        assertThat(progress.remainingRecords()).isEqualTo(60);

        progress.onBatchRestored(ZERO, STORE, 99, 60);
        progress.onRestoreEnd(ZERO, STORE, 100);
        assertThat(progress.restoring()).isZero();
        assertThat(progress.remainingRecords()).isZero();
        assertThat(progress.restoredRecords()).isEqualTo(130);
    }

    @Test
    void aSuspendedRestoreIsNoLongerUnderWay() {
        RestoreProgress progress = new RestoreProgress();

        progress.onRestoreStart(ZERO, STORE, 0, 100);
        progress.onRestoreSuspended(ZERO, STORE, 0);

        assertThat(progress.restoring()).isZero();
        assertThat(progress.remainingRecords()).isZero();
    }
}
