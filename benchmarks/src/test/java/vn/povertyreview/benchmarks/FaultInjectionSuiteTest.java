package vn.povertyreview.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite's short version: 50,000 households reviewed in 2024 and 2025 through
 * the HTTP API of the pipeline run as five processes, while each of ingest, streams, sink, broker
 * and database is killed with kill -9 once, in random order, at random gaps (the seed varies by run
 * and is printed). Every unit row of both years must end equal to the recount, with no household
 * lost or counted twice, and every fault must recover. Recovery times are printed, never asserted.
 */
class FaultInjectionSuiteTest {

    @Test
    void noHouseholdIsLostOrCountedTwiceWhenEveryProcessIsKilledDuringTheLoad() throws Exception {
        FaultInjectionSuite.Options options = FaultInjectionSuite.Options.parse(new String[] {"--households=50000", "--faults=5",
                "--kinds=kill-ingest,kill-streams,kill-sink,kill-broker,kill-database", "--partitions=3", "--settle-minutes=10"});
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        FaultReport report = new FaultInjectionSuite(options, out).run();
        report.print(out);

        assertThat(report.outcomes()).as("every planned fault injected").hasSize(5);
        assertThat(report.outcomes()).extracting(FaultInjector.Outcome::kind).as("one of each kind").containsExactlyInAnyOrder(
                FaultKind.KILL_INGEST, FaultKind.KILL_STREAMS, FaultKind.KILL_SINK, FaultKind.KILL_BROKER, FaultKind.KILL_DATABASE);
        assertThat(report.outcomes()).allMatch(FaultInjector.Outcome::recovered, "recovered within the limit");
        assertThat(report.balance().lost()).as("households lost").isZero();
        assertThat(report.balance().twice()).as("households counted twice").isZero();
        assertThat(report.correctness().differences()).as("unit rows differing from the recount").isEmpty();
        assertThat(report.correctness().unitsRecounted()).as("villages to the nation of both years").isGreaterThan(60_000);
        assertThat(report.uploads().refused() + report.uploads().givenUp()).as("requests refused or given up").isZero();
        assertThat(report.countsHold()).isTrue();
    }

    @Test
    void anUnknownFaultKindIsRefusedNamingTheKindsThereAre() {
        assertThatThrownBy(() -> FaultInjectionSuite.Options.parse(new String[] {"--kinds=kill-ingest,unplug-router"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault kind 'unplug-router'").hasMessageContaining("stop-database");
    }
}
