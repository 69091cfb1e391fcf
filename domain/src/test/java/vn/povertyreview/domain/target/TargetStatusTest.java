package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.domain.target.TargetStatus.AT_RISK;
import static vn.povertyreview.domain.target.TargetStatus.MET;
import static vn.povertyreview.domain.target.TargetStatus.MISSED;
import static vn.povertyreview.domain.target.TargetStatus.ON_TRACK;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetStatusTest {

    @Test
    void severityOrdersMetThenOnTrackThenAtRiskThenMissed() {
        assertThat(Arrays.stream(TargetStatus.values()).sorted(Comparator.comparingInt(TargetStatus::severity)))
                .containsExactly(MET, ON_TRACK, AT_RISK, MISSED);
    }

    @ParameterizedTest(name = "{0} -> {1} worsens: {2}")
    @CsvSource({
        "ON_TRACK, AT_RISK, true",
        "ON_TRACK, MISSED, true",
        "AT_RISK, MISSED, true",
        "MET, ON_TRACK, true",
        "AT_RISK, ON_TRACK, false",
        "AT_RISK, MET, false",
        "ON_TRACK, MET, false",
        "AT_RISK, AT_RISK, false",
        "MISSED, MISSED, false",
    })
    void worsensOnlyWhenTheNewStatusIsMoreSevere(TargetStatus previous, TargetStatus next, boolean worsens) {
        assertThat(next.isWorseThan(previous)).isEqualTo(worsens);
    }

    @Test
    void onlyAClosedYearsStatusesAreFinalAndEachHasBothLabels() {
        assertThat(Arrays.stream(TargetStatus.values()).filter(TargetStatus::isFinal)).containsExactlyInAnyOrder(MET, MISSED);
        assertThat(MET.vietnamese()).isEqualTo("Đạt chỉ tiêu");
        assertThat(MISSED.english()).isEqualTo("Missed");
        for (TargetStatus status : TargetStatus.values()) {
            assertThat(status.vietnamese()).isNotBlank().isNotEqualTo(status.english());
        }
    }
}
