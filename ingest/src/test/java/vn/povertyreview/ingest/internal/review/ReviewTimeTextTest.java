package vn.povertyreview.ingest.internal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTimeTextTest {

    @Test
    void readsADateDayFirstAsTheStartOfThatDayInVietnam() {
        assertThat(ReviewTimeText.parse("12/11/2024")).contains(Instant.parse("2024-11-11T17:00:00Z"));
        assertThat(ReviewTimeText.parse("1/2/2025")).contains(Instant.parse("2025-01-31T17:00:00Z"));
    }

    @Test
    void readsADateAndTimeDayFirstInVietnamsTime() {
        assertThat(ReviewTimeText.parse("12/11/2024 08:30")).contains(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(ReviewTimeText.parse("12/11/2024 8:30:15")).contains(Instant.parse("2024-11-12T01:30:15Z"));
    }

    @Test
    void readsIso8601WithAnOffsetAsBeforeAndWithoutOneInVietnamsTime() {
        assertThat(ReviewTimeText.parse("2024-11-12T08:30:00+07:00")).contains(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(ReviewTimeText.parse("2024-11-12T01:30:00Z")).contains(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(ReviewTimeText.parse("2024-11-12T08:30")).contains(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(ReviewTimeText.parse("2024-11-12 08:30:00")).contains(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(ReviewTimeText.parse("2024-11-12")).contains(Instant.parse("2024-11-11T17:00:00Z"));
    }

    @Test
    void refusesDatesThatDoNotExistOrAreWrittenMonthFirst() {
        assertThat(ReviewTimeText.parse("31/02/2024")).isEmpty();
        assertThat(ReviewTimeText.parse("11/13/2024")).isEmpty();
        assertThat(ReviewTimeText.parse("12-11-2024")).isEmpty();
        assertThat(ReviewTimeText.parse("hôm qua")).isEmpty();
    }
}
