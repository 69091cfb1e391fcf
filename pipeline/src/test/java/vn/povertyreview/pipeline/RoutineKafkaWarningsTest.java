package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka's routine start-up warnings are logged only at DEBUG; its other warnings always. */
class RoutineKafkaWarningsTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void logThroughTheFilter() {
        RoutineKafkaWarnings filter = new RoutineKafkaWarnings();
        filter.setContext(context);
        filter.start();
        logged.setContext(context);
        logged.addFilter(filter);
        logged.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
    }

    @Test
    void routineWarningsAreLeftOutAtTheUsualLevelAndKeptAtDebug() {
        Logger stateDirectory = context.getLogger("org.apache.kafka.streams.processor.internals.StateDirectory");
        Logger networkClient = context.getLogger("org.apache.kafka.clients.NetworkClient");
        String metadataIssue = "[Consumer clientId=c] The metadata response from the cluster reported a recoverable issue with correlation id {} : {}";

        stateDirectory.warn("Using an OS temp directory in the state.dir property can cause failures. Resolved state.dir: [/tmp/x]");
        networkClient.warn(metadataIssue, 2, Map.of("poverty-rollups-unit-changes-repartition", "UNKNOWN_TOPIC_OR_PARTITION"));
        // Kafka's clients format their messages (with their prefix) before they log them.
        networkClient.warn("[Consumer clientId=c] The metadata response from the cluster reported a recoverable issue with correlation id 7"
                + " : {poverty-rollups-unit-changes-repartition=UNKNOWN_TOPIC_OR_PARTITION, poverty-rollups-unit-rollup-store-changelog=LEADER_NOT_AVAILABLE}");
        assertThat(logged.list).isEmpty();

        stateDirectory.setLevel(Level.DEBUG);
        stateDirectory.warn("Using an OS temp directory in the state.dir property can cause failures. Resolved state.dir: [/tmp/x]");
        assertThat(logged.list).hasSize(1);
    }

    @Test
    void otherWarningsOfTheSameLoggersAreLogged() {
        Logger stateDirectory = context.getLogger("org.apache.kafka.streams.processor.internals.StateDirectory");
        Logger networkClient = context.getLogger("org.apache.kafka.clients.NetworkClient");
        String metadataIssue = "[Consumer clientId=c] The metadata response from the cluster reported a recoverable issue with correlation id {} : {}";

        stateDirectory.warn("Failed to delete state store directory of /var/lib/poverty/streams/0_1");
        networkClient.warn(metadataIssue, 3, Map.of("household-reviews", "UNKNOWN_TOPIC_OR_PARTITION"));

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .anyMatch(message -> message.contains("household-reviews=UNKNOWN_TOPIC_OR_PARTITION"));
    }
}
