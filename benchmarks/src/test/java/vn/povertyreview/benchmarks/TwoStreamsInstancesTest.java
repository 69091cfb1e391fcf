package vn.povertyreview.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Topics;

/**
 * Scale-out: two instances of the rollup application with one application id share the partitions
 * on a real broker; one is stopped while reviews are still being processed, and the other takes its
 * tasks over. Every unit row in PostgreSQL must still equal the recount of the generated households.
 */
class TwoStreamsInstancesTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void everyUnitRowEqualsTheRecountAfterOneOfTwoInstancesStopsMidLoad(@TempDir Path dataDir) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--households=30000", "--warmup=0", "--concurrent=0",
                "--instances=2", "--threads=1", "--partitions=6", "--durable=false");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AdminMaps maps = AdminMaps.official();
        Topics topics = Topics.withDefaultNames();
        Workloads workloads = Workloads.generate(options, maps, topics, Files.createDirectories(dataDir.resolve("workloads")), out);
        Await await = new Await(out);
        NationFigures expected = workloads.load().expected();

        try (PipelineRig rig = PipelineRig.start(options, dataDir, topics, maps)) {
            rig.startStreams(TIMEOUT);
            try (ReviewProducer producer = new ReviewProducer(rig.bootstrapServers(), topics.householdReviews().name())) {
                producer.send(workloads.load());
            }
            long total = workloads.load().records();
            String reviews = topics.householdReviews().name();
            // Some, not all, of the reviews processed and committed: then one instance goes.
            await.until("first commits", () -> {
                long processed = TopicOffsets.distance(Map.of(), rig.offsets().committed(rig.applicationId(), reviews));
                return processed > 0 ? Check.DONE : Check.waiting("no review committed yet");
            }, TIMEOUT, Duration.ZERO);
            long processedBeforeStop = TopicOffsets.distance(Map.of(), rig.offsets().committed(rig.applicationId(), reviews));
            rig.stopInstance(1);

            await.until("Streams", new StreamsCatchUp(rig, expected)::check, TIMEOUT, Duration.ofSeconds(2));
            try (RunningSink sink = rig.startSink()) {
                await.until("sink", new SinkCatchUp(rig, sink)::check, TIMEOUT, Duration.ZERO);
            }
            Correctness correctness = Correctness.read(rig.jdbi(), WorkloadBuilder.FIRST_YEAR, WorkloadBuilder.FINAL_YEAR, expected, workloads.units(),
                    rig.rejectedReviews());

            assertThat(processedBeforeStop).as("stopped mid-load").isLessThan(total);
            assertThat(TopicOffsets.distance(rig.offsets().committed(rig.applicationId(), reviews),
                    rig.offsets().ends(reviews, IsolationLevel.READ_UNCOMMITTED))).isZero();
            assertThat(correctness.differences()).isEmpty();
            assertThat(correctness.ok()).as(correctness.line()).isTrue();
            assertThat(correctness.unitsRecounted()).isGreaterThan(10_000);
        }
    }
}
