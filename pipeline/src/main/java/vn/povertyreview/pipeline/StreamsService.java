package vn.povertyreview.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.streams.RollupOptions;
import vn.povertyreview.streams.RollupStreamsConfig;
import vn.povertyreview.streams.RollupTopology;

/** Runs the rollup topology: the one place a {@link KafkaStreams} is created. */
final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);

    StreamsService(RollupStreamsConfig config, Topics topics, RollupOptions options) {
        Topology topology = RollupTopology.build(topics, AdminMaps.official(), options);
        streams = new KafkaStreams(topology, config.properties(topics));
        streams.setStateListener((now, before) -> {
            LOG.info("Rollup streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Rollup streams thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    void start(Duration timeout) throws InterruptedException {
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("rollup streams did not reach RUNNING within " + timeout + " (state " + streams.state() + ")");
        }
    }

    boolean isHealthy() {
        return streams.state().isRunningOrRebalancing();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
