package vn.povertyreview.pipeline;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Tells the person starting the pipeline what it is doing, step by step, and how long each took. */
final class Progress {

    private final PrintStream out;
    private final int steps;
    private int step;

    Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    <T> T step(String what, Callable<T> action) throws Exception {
        step++;
        out.printf("[%d/%d] %s ...%n", step, steps, what);
        long start = System.nanoTime();
        T result = action.call();
        out.printf("[%d/%d] %s: done in %.1f s%n", step, steps, what, (System.nanoTime() - start) / 1e9);
        return result;
    }
}
