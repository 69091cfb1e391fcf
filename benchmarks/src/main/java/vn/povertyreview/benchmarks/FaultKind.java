package vn.povertyreview.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fault the suite injects: a kill -9 of one process, after which it is started again at once, as
 * a service manager restarts a crashed service; or a server stopped cleanly and kept down for a
 * while, as in maintenance or a lost machine.
 */
enum FaultKind {
    KILL_INGEST(SeparateServices.INGEST, false),
    KILL_STREAMS(SeparateServices.STREAMS, false),
    KILL_SINK(SeparateServices.SINK, false),
    KILL_BROKER(SeparateServices.BROKER, false),
    KILL_DATABASE(SeparateServices.DATABASE, false),
    STOP_BROKER(SeparateServices.BROKER, true),
    STOP_DATABASE(SeparateServices.DATABASE, true);

    private final String role;
    private final boolean outage;

    FaultKind(String role, boolean outage) {
        this.role = role;
        this.outage = outage;
    }

    String role() {
        return role;
    }

    /** Whether the server stays down for the outage's length before it is started again. */
    boolean isOutage() {
        return outage;
    }

    /** As options and the report name it: {@code kill-ingest}, {@code stop-broker}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code all}, or labels separated by commas. */
    static List<FaultKind> parse(String kinds) {
        if (kinds.equals("all")) {
            return List.of(values());
        }
        return Arrays.stream(kinds.split(",")).map(String::strip).map(label -> Arrays.stream(values())
                .filter(kind -> kind.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + label + "'; use all or some of "
                        + Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", ")))))
                .distinct().toList();
    }
}
