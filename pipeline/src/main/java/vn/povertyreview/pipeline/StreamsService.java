package vn.povertyreview.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.ingest.Health;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.streams.RollupOptions;
import vn.povertyreview.streams.RollupStreamsConfig;
import vn.povertyreview.streams.RollupTopology;
import vn.povertyreview.streams.UncheckpointedTaskState;

/** Runs the rollup topology: the one place a {@link KafkaStreams} is created. */
final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final RestoreProgress restores = new RestoreProgress();
    private final StreamsMetrics metrics;

    /** The rollup topology over the official maps and standards; it takes seconds to build. */
    static Topology topology(Topics topics, RollupOptions options) {
        AdminMaps maps = AdminMaps.official();
        return RollupTopology.build(topics, maps, PovertyStandards.official(), AdminSuccession.official(maps), options);
    }

    StreamsService(RollupStreamsConfig config, Topics topics, RollupOptions options, Topology topology, MeterRegistry registry) {
        List<String> removed = UncheckpointedTaskState.remove(config.stateDir(), config.applicationId());
        if (!removed.isEmpty()) {
            LOG.info("The last run stopped without a checkpoint (a crash or kill): removed the local state of tasks {};"
                    + " it is restored from the changelogs", removed);
        }
        LeftOpenTransactions.abortLeftBy(config.stateDir(), config.applicationId(), config.threads(), config.bootstrapServers());
        streams = new KafkaStreams(topology, config.properties(topics, options));
        streams.setStateListener((now, before) -> {
            LOG.info("Rollup streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setGlobalStateRestoreListener(restores);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Rollup streams thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        metrics = new StreamsMetrics(registry, streams, restores, StreamsMetrics.inputTopics(topology));
    }

    void start(Duration timeout) throws InterruptedException {
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("rollup streams did not reach RUNNING within " + timeout + " (state " + streams.state() + ")");
        }
    }

    /**
     * UP while RUNNING; DEGRADED while rebalancing or restoring state from the changelogs (rollups
     * come late, none is lost); DOWN in any other state, where nothing is counted.
     */
    Health health() {
        KafkaStreams.State state = streams.state();
        if (!state.isRunningOrRebalancing()) {
            return Health.down("streams: " + state + ", so no review is counted");
        }
        Health health = state == KafkaStreams.State.REBALANCING
                ? Health.degraded("streams: rebalancing its tasks, so rollups come late") : Health.up();
        int stores = restores.restoring();
        return stores == 0 ? health
                : health.and(Health.degraded("streams: restoring " + stores + " state store partition(s) from their changelogs, so rollups come late"));
    }

    /**
     * Commits and leaves the consumer group, so that a restarted instance gets its tasks at once
     * instead of after the group's session timeout (45 s by default).
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
    }
}
