package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * What a fault-injection run found: every fault and its recovery, what the uploaders were
 * answered, and how the unit rows compare with the recount. Immutable.
 *
 * @param workload    the load, described
 * @param outcomes    every fault injected, in order
 * @param planned     faults the run planned
 * @param uploads     the uploaders' requests and answers
 * @param balance     household-years lost and counted twice, over the village rows
 * @param correctness every unit row against the recount
 */
record FaultReport(String workload, List<FaultInjector.Outcome> outcomes, int planned, HttpUploader.Tally uploads,
        UnitRecount.HouseholdBalance balance, Correctness correctness) {

    /** The goal the issue sets for recovery: the median fault is over in this many seconds. */
    static final double RECOVERY_P50_GOAL_SECONDS = 10;

    FaultReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Nothing lost, nothing twice, no row differing, every planned fault injected and recovered. */
    boolean countsHold() {
        return balance.lost() == 0 && balance.twice() == 0 && correctness.differences().isEmpty()
                && outcomes.size() == planned && outcomes.stream().allMatch(FaultInjector.Outcome::recovered)
                && uploads.refused() == 0 && uploads.givenUp() == 0;
    }

    boolean goalReached() {
        return countsHold() && percentile(recoveries(outcomes), 0.5) <= RECOVERY_P50_GOAL_SECONDS;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Fault injection: " + workload);
        out.printf("%-16s %6s %14s %10s%n", "fault", "count", "recovery p50", "max");
        for (FaultKind kind : FaultKind.values()) {
            List<FaultInjector.Outcome> ofKind = outcomes.stream().filter(o -> o.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                row(out, kind.label() + (kind.isOutage() ? " *" : ""), ofKind);
            }
        }
        row(out, "every fault", outcomes);
        out.println("  recovery: from the kill -9 (* from the restart after the outage) to the process ready and every"
                + " service's /health UP");
        long unrecovered = outcomes.stream().filter(o -> !o.recovered()).count();
        if (unrecovered > 0 || outcomes.size() != planned) {
            out.printf("  %d of %d planned faults injected; %d did not recover within %d min%n", outcomes.size(), planned,
                    unrecovered, FaultInjector.RECOVERY_LIMIT.toMinutes());
        }
        out.printf("Requests: %,d sent, %,d answered 202, %,d answered 503, %,d got no answer, %,d other 5xx, %,d refused,"
                        + " %,d given up; every one without a 202 was sent again%n",
                uploads.requests(), uploads.accepted(), uploads.unavailable(), uploads.unanswered(), uploads.otherFailures(),
                uploads.refused(), uploads.givenUp());
        out.printf("Untidy on purpose: %,d batches sent late, %,d batches sent twice, %,d withdrawals%n",
                uploads.lateBatches(), uploads.duplicateBatches(), uploads.withdrawals());
        out.printf("Households lost: %,d; counted twice: %,d; unit rows differing from the recount: %,d of %,d%n",
                balance.lost(), balance.twice(), correctness.differences().size(), correctness.unitRows());
        if (!correctness.differences().isEmpty()) {
            out.println("  " + correctness.line());
        }
        out.printf("Goal (0 lost, 0 twice, 0 differing, recovery p50 ≤ %.0f s): %s%n", RECOVERY_P50_GOAL_SECONDS,
                goalReached() ? "REACHED" : "NOT REACHED");
    }

    private static void row(PrintStream out, String label, List<FaultInjector.Outcome> outcomes) {
        double[] seconds = recoveries(outcomes);
        out.printf("%-16s %6d %12.1f s %8.1f s%n", label, outcomes.size(), percentile(seconds, 0.5),
                seconds.length == 0 ? Double.NaN : seconds[seconds.length - 1]);
    }

    /** The recovered faults' recovery times, sorted. */
    private static double[] recoveries(List<FaultInjector.Outcome> outcomes) {
        return outcomes.stream().filter(FaultInjector.Outcome::recovered).mapToDouble(FaultInjector.Outcome::recoverySeconds)
                .sorted().toArray();
    }

    private static double percentile(double[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
