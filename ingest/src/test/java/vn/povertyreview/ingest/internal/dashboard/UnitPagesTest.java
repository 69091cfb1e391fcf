package vn.povertyreview.ingest.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitPagesTest {

    @Test
    void theShareReviewedIsRoundedOnceFromTheCounts() {
        // 36 of 715 is 5.0349…%: 5.03, not 5.04.
        assertThat(UnitPages.reviewedShare(36, 715L)).isEqualTo(new BigDecimal("5.03"));
    }

    @Test
    void aUnitExpectingNoHouseholdsHasNoShareReviewedRatherThanNoneReviewed() {
        assertThat(UnitPages.reviewedShare(39, 0L)).as("a commune new this year: its previous year counted none").isNull();
        assertThat(UnitPages.reviewedShare(39, null)).isNull();
    }
}
