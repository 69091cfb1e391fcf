package vn.povertyreview.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the warnings Kafka logs on every ordinary start out of the launcher's output, unless the
 * logger that logs one is set to DEBUG: they say nothing is wrong (an empty metadata log on a first
 * start, a state directory under the system's temp directory, a handler setting Kafka Streams checks
 * on a copy of its configuration that lacks it, internal topics Streams is creating right then), yet
 * a page of them hides the launcher's own lines and any warning that matters. Every other warning of
 * the same loggers is logged as before. An appender's filter in {@code logback.xml} (Kafka's clients
 * log through SLF4J's event API, whose messages a turbo filter does not see); thread-safe.
 */
public final class RoutineKafkaWarnings extends Filter<ILoggingEvent> {

    /** A warning of one logger whose message holds this text. */
    private record Routine(String logger, String text) {
    }

    private static final List<Routine> ROUTINE = List.of(
            // The broker's first start formats an empty metadata log: its controller says so.
            new Routine("org.apache.kafka.controller.QuorumController", "The metadata log appears to be empty"),
            // Tests and trials keep the data directory under /tmp; a deployment's is a volume.
            new Routine("org.apache.kafka.streams.processor.internals.StateDirectory", "Using an OS temp directory"),
            // Set (RollupStreamsConfig); the partition assignor re-reads a consumer's copy of the settings without it.
            new Routine("org.apache.kafka.streams.StreamsConfig", "Processing exception handler is not enabled for the GlobalThread"),
            // The global consumer's first fetch racing its own assignment.
            new Routine("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "Not updating last stable offset for partition"));
    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    private static final String METADATA_ISSUE = "The metadata response from the cluster reported a recoverable issue";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() != Level.WARN
                || ((LoggerContext) getContext()).getLogger(event.getLoggerName()).isDebugEnabled()) {
            return FilterReply.NEUTRAL;
        }
        String name = event.getLoggerName();
        String message = event.getFormattedMessage();
        for (Routine routine : ROUTINE) {
            if (routine.logger().equals(name) && message.contains(routine.text())) {
                return FilterReply.DENY;
            }
        }
        if (name.equals(NETWORK_CLIENT) && message.contains(METADATA_ISSUE) && aboutInternalTopicsOnly(message)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * Whether a metadata warning ({@code ... : {topic=ERROR, ...}}) names only Streams' changelog and
     * repartition topics, which Streams creates as it starts, so that its clients ask for them a
     * moment before they exist. A product topic missing is worth a warning.
     */
    private static boolean aboutInternalTopicsOnly(String message) {
        int issues = message.lastIndexOf(" : {");
        if (issues < 0 || !message.endsWith("}")) {
            return false;
        }
        return Arrays.stream(message.substring(issues + " : {".length(), message.length() - 1).split(", "))
                .map(issue -> issue.contains("=") ? issue.substring(0, issue.indexOf('=')) : issue)
                .allMatch(topic -> topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }
}
