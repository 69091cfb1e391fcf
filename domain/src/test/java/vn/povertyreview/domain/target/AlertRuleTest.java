package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRuleTest {

    @ParameterizedTest(name = "{0} -> {1}, year closed {2}: alert {3}")
    @CsvSource(nullValues = "NONE", value = {
        // A first status (none published before, or removed since) raises only when at risk or missed.
        "NONE, ON_TRACK, false, false",
        "NONE, MET, false, false",
        "NONE, AT_RISK, false, true",
        "NONE, MISSED, false, true",
        "NONE, MET, true, false",
        "NONE, MISSED, true, true",
        // While the year is open: only a worse status raises.
        "ON_TRACK, AT_RISK, false, true",
        "AT_RISK, ON_TRACK, false, false",
        "AT_RISK, AT_RISK, false, false",
        "ON_TRACK, ON_TRACK, false, false",
        "MET, ON_TRACK, false, true",
        "ON_TRACK, MET, false, false",
        "AT_RISK, MISSED, false, true",
        "MISSED, MISSED, false, false",
        // Reopened: a missed target back at risk is better, no alert.
        "MISSED, AT_RISK, false, false",
        // Closing: missed always raises (the id keeps it from being raised twice), met never does.
        "AT_RISK, MISSED, true, true",
        "ON_TRACK, MISSED, true, true",
        "MISSED, MISSED, true, true",
        "MET, MISSED, true, true",
        "AT_RISK, MET, true, false",
        "ON_TRACK, MET, true, false",
        "MET, MET, true, false",
    })
    void raisesWhenTheStatusWorsensOrAClosedYearEndsMissed(TargetStatus previous, TargetStatus status,
            boolean yearClosed, boolean raises) {
        assertThat(AlertRule.raises(previous, status, yearClosed)).isEqualTo(raises);
    }
}
