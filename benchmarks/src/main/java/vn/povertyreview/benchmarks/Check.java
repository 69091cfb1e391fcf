package vn.povertyreview.benchmarks;

/** The outcome of one look at whether a stage has caught up: done, or what it still waits for. Immutable. */
record Check(boolean done, String waitingFor) {

    static final Check DONE = new Check(true, "nothing");

    static Check waiting(String what) {
        return new Check(false, what);
    }
}
