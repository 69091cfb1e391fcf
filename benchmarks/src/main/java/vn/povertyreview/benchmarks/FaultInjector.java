package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injects a planned series of faults one at a time, at random gaps, while the load runs, and
 * measures how long the pipeline takes to be back: from the kill -9 (or from the restart that ends
 * an outage) until the failed process is ready again and every service's {@code /health} answers
 * UP. Runs on a thread of its own; {@link #outcomes()} is safe to read from any thread.
 */
final class FaultInjector implements Runnable {

    /** A fault that has not recovered after this long is reported as not recovered, and the run goes on. */
    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final Duration MIN_GAP = Duration.ofSeconds(5);
    private static final Duration MAX_GAP = Duration.ofSeconds(15);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    /** One injected fault and its recovery, in seconds; NaN when it did not recover within the limit. */
    record Outcome(FaultKind kind, double recoverySeconds) {

        boolean recovered() {
            return !Double.isNaN(recoverySeconds);
        }
    }

    private final SeparateServices services;
    private final List<FaultKind> plan;
    private final Duration outage;
    private final Random dice;
    private final PrintStream out;
    private final long runStarted = System.nanoTime();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    FaultInjector(SeparateServices services, List<FaultKind> plan, Duration outage, Random dice, PrintStream out) {
        this.services = services;
        this.plan = List.copyOf(plan);
        this.outage = outage;
        this.dice = dice;
        this.out = out;
    }

    /** {@code faults} faults over {@code kinds}, every kind as often as the others (to within one), in random order. */
    static List<FaultKind> plan(List<FaultKind> kinds, int faults, Random dice) {
        List<FaultKind> plan = new ArrayList<>();
        List<FaultKind> round = new ArrayList<>(kinds);
        while (plan.size() < faults) {
            Collections.shuffle(round, dice);
            plan.addAll(round.subList(0, Math.min(round.size(), faults - plan.size())));
        }
        return plan;
    }

    /** About how long the plan takes, gaps, outages and recoveries included: to pace the load over it. */
    static Duration expectedLength(List<FaultKind> plan, Duration outage) {
        Duration oneRecovery = Duration.ofSeconds(12);
        Duration length = Duration.ZERO;
        for (FaultKind kind : plan) {
            length = length.plus(MIN_GAP.plus(MAX_GAP).dividedBy(2)).plus(oneRecovery).plus(kind.isOutage() ? outage : Duration.ZERO);
        }
        return length;
    }

    @Override
    public void run() {
        for (int i = 0; i < plan.size(); i++) {
            pause(MIN_GAP.plusMillis(dice.nextLong(MAX_GAP.minus(MIN_GAP).toMillis() + 1)));
            FaultKind kind = plan.get(i);
            out.printf("  fault %d of %d at %.0f s: %s%n", i + 1, plan.size(), seconds(runStarted), describe(kind));
            Outcome outcome = inject(kind);
            outcomes.add(outcome);
            out.printf("  fault %d of %d: %s%n", i + 1, plan.size(), outcome.recovered()
                    ? String.format("back in %.1f s (ready, every service UP)", outcome.recoverySeconds())
                    : "NOT back within " + RECOVERY_LIMIT.toMinutes() + " min: " + services.notUp());
        }
    }

    private String describe(FaultKind kind) {
        return kind.isOutage() ? "stopping " + kind.role() + " for " + outage.toSeconds() + " s" : "kill -9 of " + kind.role();
    }

    private Outcome inject(FaultKind kind) {
        ServiceProcess process = services.process(kind.role());
        if (kind.isOutage()) {
            process.stop();
            pause(outage);
        } else {
            process.kill();
        }
        long from = System.nanoTime();
        services.relaunch(kind.role());
        long deadline = from + RECOVERY_LIMIT.toNanos();
        long nextReport = from + REPORT_EVERY.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = services.isReady(kind.role());
            Map<String, String> notUp = services.notUp();
            if (ready && notUp.isEmpty()) {
                return new Outcome(kind, seconds(from));
            }
            if (System.nanoTime() > nextReport) {
                out.printf("    after %.0f s: %s%s%n", seconds(from), ready ? "" : kind.role() + " not ready yet; ",
                        notUp.isEmpty() ? "every service UP" : "not UP: " + notUp);
                nextReport += REPORT_EVERY.toNanos();
            }
            pause(LOOK_EVERY);
        }
        return new Outcome(kind, Double.NaN);
    }

    /** The faults injected so far, in order. */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<FaultKind> plan() {
        return plan;
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    /** Waits a set time: a gap between faults or an outage's length, never a stand-in for a condition. */
    static void pause(Duration length) {
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
