package vn.povertyreview.pipeline.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code ./poverty status} prints: one line per stage (ingest, streams, sink) with its lag
 * and its rate, from two readings of the metrics an interval apart. A stage whose meters none of the
 * readings has is said to be not served there. Immutable.
 */
record StatusReport(Scrape first, Scrape second, Duration interval) {

    static final String REQUESTS = "poverty_ingest_requests_seconds_count";
    static final String ACCEPTED = "poverty_ingest_accepted_records_total";
    static final String REJECTED = "poverty_ingest_rejected_records_total";
    static final String STATE = "poverty_streams_state";
    static final String PROCESSED = "poverty_streams_processed_records_total";
    static final String INPUT_LAG = "poverty_streams_input_lag_records";
    static final String RESTORING = "poverty_streams_restore_partitions";
    static final String RESTORE_REMAINING = "poverty_streams_restore_remaining_records";
    static final String BALANCE_VIOLATIONS = "poverty_streams_movement_balance_violations_total";
    static final String WRITTEN = "poverty_sink_written_rows_total";
    static final String SINK_LAG = "poverty_sink_lag_records";
    /** The status command's own readings are requests too; they are left out of the request rate. */
    private static final String METRICS_ROUTE = "/metrics";

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(ingest());
        lines.add(streams());
        lines.add(sink());
        return lines;
    }

    private String ingest() {
        if (!second.has(ACCEPTED)) {
            return "Ingest   not served here";
        }
        double requests = second.sumExcept(REQUESTS, "route", METRICS_ROUTE) - first.sumExcept(REQUESTS, "route", METRICS_ROUTE);
        return String.format(Locale.ROOT, "Ingest   %s requests/min; %s records accepted (%s/s), %s rejected (%s/s)",
                number(requests * 60 / seconds()), count(second.sum(ACCEPTED)), rate(ACCEPTED), count(second.sum(REJECTED)),
                rate(REJECTED));
    }

    private String streams() {
        if (!second.has(PROCESSED)) {
            return "Streams  not served here";
        }
        String state = second.sumBy(STATE, "state").entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(Map.Entry::getKey).collect(Collectors.joining("+"));
        double restoring = second.sum(RESTORING);
        String restore = restoring == 0 ? "no restore"
                : String.format(Locale.ROOT, "restoring %s store partition(s), %s records to go", count(restoring),
                        count(second.sum(RESTORE_REMAINING)));
        double violations = second.sum(BALANCE_VIOLATIONS);
        return String.format(Locale.ROOT, "Streams  %s; %s records processed (%s/s); input lag %s; %s%s",
                state.isEmpty() ? "state unknown" : state, count(second.sum(PROCESSED)), rate(PROCESSED),
                lags(second.sumBy(INPUT_LAG, "topic")), restore,
                violations == 0 ? "" : "; " + count(violations) + " MOVEMENT BALANCE VIOLATIONS");
    }

    private String sink() {
        if (!second.has(WRITTEN)) {
            return "Sink     not served here";
        }
        return String.format(Locale.ROOT, "Sink     %s rows written (%s/s); lag %s", count(second.sum(WRITTEN)), rate(WRITTEN),
                lags(second.sumBy(SINK_LAG, "topic")));
    }

    /** Each topic's lag, as {@code household-reviews 0, reduction-targets 12}. */
    private static String lags(Map<String, Double> byTopic) {
        if (byTopic.isEmpty()) {
            return "unknown";
        }
        return byTopic.entrySet().stream().map(entry -> entry.getKey() + " " + count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A counter's increase per second between the two readings. */
    private String rate(String counter) {
        return number((second.sum(counter) - first.sum(counter)) / seconds());
    }

    private double seconds() {
        return Math.max(interval.toMillis(), 1) / 1000.0;
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String number(double value) {
        // A counter that fell (a stream thread replaced, a process restarted) has no rate worth showing.
        return String.format(Locale.ROOT, "%,.1f", Math.max(0, value));
    }
}
