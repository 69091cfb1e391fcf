package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.embedded.LoopbackPorts;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitRollup;

class RollupSinkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

    @TempDir
    static Path kafkaDir;

    @TempDir
    static Path postgresDir;

    static EmbeddedKafka kafka;
    static EmbeddedPostgresServer postgres;

    final ExecutorService sinkThreads = Executors.newCachedThreadPool();
    String topic;
    String disagreementsTopic;
    String statusesTopic;
    String alertsTopic;
    String auditTopic;
    SinkSettings settings;
    Jdbi jdbi;

    @BeforeAll
    static void startServers() {
        kafka = EmbeddedKafka.start(kafkaDir);
        postgres = EmbeddedPostgresServer.start(postgresDir, false);
    }

    @AfterAll
    static void stopServers() {
        kafka.close();
        postgres.close();
    }

    @BeforeEach
    void freshTopicAndDatabase() throws Exception {
        topic = "unit-rollups-" + UUID.randomUUID();
        disagreementsTopic = "classification-disagreements-" + UUID.randomUUID();
        statusesTopic = "target-statuses-" + UUID.randomUUID();
        alertsTopic = "target-gap-alerts-" + UUID.randomUUID();
        auditTopic = "audit-events-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                    new NewTopic(disagreementsTopic, PARTITIONS, (short) 1),
                    new NewTopic(statusesTopic, PARTITIONS, (short) 1),
                    new NewTopic(alertsTopic, PARTITIONS, (short) 1),
                    new NewTopic(auditTopic, PARTITIONS, (short) 1))).all().get();
        }
        settings = SinkSettings.defaults(kafka.bootstrapServers()).withTopic(topic)
                .withClassificationDisagreementsTopic(disagreementsTopic).withTargetStatusesTopic(statusesTopic)
                .withTargetGapAlertsTopic(alertsTopic).withAuditEventsTopic(auditTopic).withPollTimeout(Duration.ofMillis(200));
        jdbi = TestDatabases.fresh(postgres);
    }

    @AfterEach
    void stopSinkThreads() throws InterruptedException {
        sinkThreads.shutdownNow();
        assertThat(sinkThreads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void writesCommittedRollupsAndResumesFromTheDatabaseOffsetsAfterARestart() throws Exception {
        List<RollupBuilder> first = List.of(
                aRollupOf(2024, "38").revision(1), aRollupOf(2024, "392").revision(1),
                aRollupOf(2024, "15271").revision(1), aRollupOf(2024, "15274").revision(1));
        Map<Integer, Long> afterFirst = produceCommitted(first);
        produceAborted(List.of(aRollupOf(2024, "15277").revision(1), aRollupOf(2024, "38").revision(99)));

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> revisions().equals(Map.of(
                "2024/38", 1L, "2024/392", 1L, "2024/15271", 1L, "2024/15274", 1L)));
        sink.close();
        running.get(10, TimeUnit.SECONDS);
        assertThat(sink.progress().recordsWritten()).isEqualTo(4);

        List<RollupBuilder> second = List.of(
                aRollupOf(2024, "38").revision(2), aRollupOf(2024, "15271").households(2_500, 40, 61).revision(2),
                aRollupOf(2025, "38").revision(1), aRollupOf(2025, "15271").revision(1));
        Map<Integer, Long> afterSecond = produceCommitted(second);
        produceAborted(List.of(aRollupOf(2024, "392").revision(99)));

        RollupSink resumed = new RollupSink(settings, jdbi);
        Future<?> runningAgain = sinkThreads.submit(resumed);
        Map<String, Long> expected = Map.of(
                "2024/38", 2L, "2024/392", 1L, "2024/15271", 2L, "2024/15274", 1L, "2025/38", 1L, "2025/15271", 1L);
        await().atMost(PATIENCE).until(() -> revisions().equals(expected));
        // A sink that re-read the topic from the start would have written all eight records again.
        await().atMost(PATIENCE).until(() -> resumed.progress().recordsWritten() == 4);
        resumed.close();
        runningAgain.get(10, TimeUnit.SECONDS);

        assertThat(revisions()).isEqualTo(expected);
        assertThat(resumed.progress()).isEqualTo(new SinkProgress(4, resumed.progress().batchesWritten(), 0, 0));
        Map<Integer, Long> stored = new SinkWriter(jdbi, settings.groupId()).storedOffsets(topic);
        Map<Integer, Long> lastWritten = new HashMap<>(afterFirst);
        afterSecond.forEach((partition, next) -> lastWritten.merge(partition, next, Math::max));
        lastWritten.forEach((partition, next) -> assertThat(stored.get(partition)).as("partition %d", partition).isGreaterThanOrEqualTo(next));
    }

    @Test
    void skipsAnUnreadableRecordAndStoresTheOffsetAfterIt() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(null), new StringSerializer(),
                new ByteArraySerializer())) {
            AvroSerde<UnitRollup> serde = AvroSerde.of(UnitRollup.class);
            RollupBuilder before = aRollupOf(2024, "38");
            RollupBuilder after = aRollupOf(2024, "392");
            raw.send(new ProducerRecord<>(topic, 0, before.key(), serde.encode(before.build()))).get();
            raw.send(new ProducerRecord<>(topic, 0, "2024/15271", new byte[] {1, 2, 3, 4})).get();
            raw.send(new ProducerRecord<>(topic, 0, after.key(), serde.encode(after.build()))).get();
        }

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> revisions().keySet().equals(Set.of("2024/38", "2024/392")));
        await().atMost(PATIENCE).until(() -> new SinkWriter(jdbi, settings.groupId()).storedOffsets(topic).get(0) == 3L);
        sink.close();
        running.get(10, TimeUnit.SECONDS);

        assertThat(sink.progress().recordsSkipped()).isEqualTo(1);
        assertThat(sink.progress().recordsWritten()).isEqualTo(2);
    }

    @Test
    void writesRollupsAndDisagreementsWithOneConsumerAndResumesBothTopicsFromTheDatabaseOffsets() throws Exception {
        Map<TopicPartition, Long> afterFirst = produceMixed(true,
                rollup(aRollupOf(2025, "38").revision(1)),
                disagreement(aDisagreementOf(2025, "HH-A")),
                disagreement(aDisagreementOf(2025, "HH-B")));
        produceMixed(false,
                disagreement(aDisagreementOf(2025, "HH-X")),
                tombstone(2025, "HH-A"),
                rollup(aRollupOf(2025, "38").revision(99)));

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> disagreements().equals(Map.of("2025/HH-A", "rv-HH-A-1", "2025/HH-B", "rv-HH-B-1"))
                && revisions().equals(Map.of("2025/38", 1L)));
        sink.close();
        running.get(10, TimeUnit.SECONDS);
        assertThat(sink.progress().recordsWritten()).isEqualTo(3);

        Map<TopicPartition, Long> afterSecond = produceMixed(true,
                tombstone(2025, "HH-A"),
                disagreement(aDisagreementOf(2025, "HH-B").review("rv-HH-B-2", Instant.parse("2025-11-20T00:00:00Z"))),
                disagreement(aDisagreementOf(2025, "HH-C")),
                rollup(aRollupOf(2025, "38").revision(2)));

        RollupSink resumed = new RollupSink(settings, jdbi);
        Future<?> runningAgain = sinkThreads.submit(resumed);
        Map<String, String> expected = Map.of("2025/HH-B", "rv-HH-B-2", "2025/HH-C", "rv-HH-C-1");
        await().atMost(PATIENCE).until(() -> disagreements().equals(expected) && revisions().equals(Map.of("2025/38", 2L)));
        // A sink that re-read either topic from the start would have written more than the four new records.
        await().atMost(PATIENCE).until(() -> resumed.progress().recordsWritten() == 4);
        resumed.close();
        runningAgain.get(10, TimeUnit.SECONDS);

        assertThat(disagreements()).isEqualTo(expected);
        assertThat(resumed.progress()).isEqualTo(new SinkProgress(4, resumed.progress().batchesWritten(), 0, 0));
        Map<TopicPartition, Long> stored = new SinkWriter(jdbi, settings)
                .storedOffsets(List.of(topic, disagreementsTopic));
        Map<TopicPartition, Long> lastWritten = new HashMap<>(afterFirst);
        afterSecond.forEach((partition, next) -> lastWritten.merge(partition, next, Math::max));
        assertThat(lastWritten.keySet()).extracting(TopicPartition::topic).contains(topic, disagreementsTopic);
        lastWritten.forEach((partition, next) -> assertThat(stored.get(partition)).as("%s", partition).isGreaterThanOrEqualTo(next));
    }

    @Test
    void writesTargetStatusesAndAlertsWithTheOtherTopicsAndResumesFromTheDatabaseOffsets() throws Exception {
        TargetGapAlertBuilder alert = TargetGapAlertBuilder.anAlertOf(2025, "15271");
        Map<TopicPartition, Long> afterFirst = produceMixed(true,
                rollup(aRollupOf(2025, "38").revision(1)),
                status(TargetStatusBuilder.aStatusOf(2025, "15271").revision(1)),
                status(TargetStatusBuilder.aStatusOf(2025, "15274").revision(1)),
                alert(alert));
        produceMixed(false, alert(TargetGapAlertBuilder.anAlertOf(2025, "15274")), statusTombstone(2025, "15271"));

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> targetRevisions().equals(Map.of("2025/15271", 1L, "2025/15274", 1L))
                && alertIds().equals(Set.of(alert.alertId())) && revisions().equals(Map.of("2025/38", 1L)));
        sink.close();
        running.get(10, TimeUnit.SECONDS);
        assertThat(sink.progress().recordsWritten()).isEqualTo(4);

        // The same alert again (a replay by the producer), a deleted target and a newer status.
        Map<TopicPartition, Long> afterSecond = produceMixed(true,
                alert(alert),
                statusTombstone(2025, "15274"),
                status(TargetStatusBuilder.aStatusOf(2025, "15271").revision(2)));

        RollupSink resumed = new RollupSink(settings, jdbi);
        Future<?> runningAgain = sinkThreads.submit(resumed);
        await().atMost(PATIENCE).until(() -> targetRevisions().equals(Map.of("2025/15271", 2L)));
        await().atMost(PATIENCE).until(() -> resumed.progress().recordsWritten() == 3);
        resumed.close();
        runningAgain.get(10, TimeUnit.SECONDS);

        assertThat(alertIds()).containsExactly(alert.alertId());
        Map<TopicPartition, Long> stored = new SinkWriter(jdbi, settings).storedOffsets(settings.topics());
        Map<TopicPartition, Long> lastWritten = new HashMap<>(afterFirst);
        afterSecond.forEach((partition, next) -> lastWritten.merge(partition, next, Math::max));
        assertThat(lastWritten.keySet()).extracting(TopicPartition::topic).contains(topic, statusesTopic, alertsTopic);
        lastWritten.forEach((partition, next) -> assertThat(stored.get(partition)).as("%s", partition).isGreaterThanOrEqualTo(next));
    }

    @Test
    void skipsAStatusWhoseDecimalIsNotANumber() throws Exception {
        TargetStatusBuilder broken = TargetStatusBuilder.aStatusOf(2025, "15271").status(TargetStatusKind.AT_RISK, "n/a", "1.00");
        TargetStatusBuilder after = TargetStatusBuilder.aStatusOf(2025, "15274");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(null), new StringSerializer(),
                new ByteArraySerializer())) {
            AvroSerde<TargetStatus> serde = AvroSerde.of(TargetStatus.class);
            raw.send(new ProducerRecord<>(statusesTopic, 0, broken.key(), serde.encode(broken.build()))).get();
            raw.send(new ProducerRecord<>(statusesTopic, 0, after.key(), serde.encode(after.build()))).get();
        }

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> targetRevisions().keySet().equals(Set.of("2025/15274")));
        await().atMost(PATIENCE).until(() -> new SinkWriter(jdbi, settings).storedOffsets(statusesTopic).get(0) == 2L);
        sink.close();
        running.get(10, TimeUnit.SECONDS);

        assertThat(sink.progress().recordsSkipped()).isEqualTo(1);
    }

    @Test
    void skipsARollupWhoseMeasureIsNotADecimal() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(null), new StringSerializer(),
                new ByteArraySerializer())) {
            AvroSerde<UnitRollup> serde = AvroSerde.of(UnitRollup.class);
            RollupBuilder before = aRollupOf(2025, "38");
            RollupBuilder broken = aRollupOf(2025, "15271").maps(Map.of(), Map.of("MULTIDIMENSIONAL_INTENSITY", "n/a"));
            RollupBuilder after = aRollupOf(2025, "15274");
            raw.send(new ProducerRecord<>(topic, 0, before.key(), serde.encode(before.build()))).get();
            raw.send(new ProducerRecord<>(topic, 0, broken.key(), serde.encode(broken.build()))).get();
            raw.send(new ProducerRecord<>(topic, 0, after.key(), serde.encode(after.build()))).get();
        }

        RollupSink sink = new RollupSink(settings, jdbi);
        Future<?> running = sinkThreads.submit(sink);
        await().atMost(PATIENCE).until(() -> revisions().keySet().equals(Set.of("2025/38", "2025/15274")));
        await().atMost(PATIENCE).until(() -> new SinkWriter(jdbi, settings.groupId()).storedOffsets(topic).get(0) == 3L);
        sink.close();
        running.get(10, TimeUnit.SECONDS);

        assertThat(sink.progress().recordsSkipped()).isEqualTo(1);
        assertThat(sink.progress().recordsWritten()).isEqualTo(2);
    }

    @Test
    void retriesTheSameBatchWhileTheDatabaseIsDownAndLosesNothing(@TempDir Path ownPostgresDir) throws Exception {
        int port = LoopbackPorts.free();
        EmbeddedPostgresServer flaky = EmbeddedPostgresServer.start(ownPostgresDir, port, false);
        flaky.createDatabaseIfMissing("poverty");
        Jdbi flakyJdbi = SinkDatabase.open(flaky.dataSource("poverty"));
        ListAppender<ILoggingEvent> sinkLog = captureLogOf(RollupSink.class);
        RollupSink sink = new RollupSink(settings, flakyJdbi);
        Future<?> running = sinkThreads.submit(sink);
        try {
            produceCommitted(List.of(aRollupOf(2024, "38")));
            await().atMost(PATIENCE).until(() -> TestDatabases.count(flakyJdbi, "unit_rollup") == 1);
            assertThat(sink.failingSince()).as("writing").isEmpty();

            flaky.close();
            produceCommitted(List.of(aRollupOf(2024, "392"), aRollupOf(2024, "15271")));
            await().atMost(PATIENCE).until(() -> sinkLog.list.stream()
                    .anyMatch(event -> event.getFormattedMessage().startsWith("Could not write")));
            assertThat(sink.failingSince()).as("failing since the database went away").isPresent();
            flaky = EmbeddedPostgresServer.start(ownPostgresDir, port, false);

            await().atMost(PATIENCE).until(() -> TestDatabases.count(flakyJdbi, "unit_rollup") == 3);
            await().atMost(PATIENCE).until(() -> sink.failingSince().isEmpty());
            sink.close();
            running.get(10, TimeUnit.SECONDS);
            assertThat(sink.progress().recordsWritten()).isEqualTo(3);
            assertThat(sink.progress().recordsSkipped()).isZero();
        } finally {
            ((Logger) LoggerFactory.getLogger(RollupSink.class)).detachAppender(sinkLog);
            sink.close();
            flaky.close();
        }
    }

    @Test
    void metersRowsPerTableBatchLatencyAndTheLagOfABatchTheDatabaseCannotTake(@TempDir Path ownPostgresDir) throws Exception {
        int port = LoopbackPorts.free();
        EmbeddedPostgresServer flaky = EmbeddedPostgresServer.start(ownPostgresDir, port, false);
        flaky.createDatabaseIfMissing("poverty");
        Jdbi flakyJdbi = SinkDatabase.open(flaky.dataSource("poverty"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RollupSink sink = new RollupSink(settings, flakyJdbi, null, new SinkMetrics(registry, settings));
        Future<?> running = sinkThreads.submit(sink);
        try {
            produceCommitted(List.of(aRollupOf(2024, "38"), aRollupOf(2024, "392")));
            produceMixed(true, disagreement(aDisagreementOf(2024, "HH-1")));
            await().atMost(PATIENCE).until(() -> TestDatabases.count(flakyJdbi, "unit_rollup") == 2
                    && TestDatabases.count(flakyJdbi, "classification_disagreement") == 1);
            await().atMost(PATIENCE).until(() -> lag(registry, topic) == 0 && lag(registry, disagreementsTopic) == 0);
            assertThat(rowsWritten(registry, "unit_rollup")).isEqualTo(2);
            assertThat(rowsWritten(registry, "classification_disagreement")).isEqualTo(1);
            assertThat(rowsWritten(registry, "target_status")).isZero();
            assertThat(registry.get(SinkMetrics.BATCHES).timer().count()).isPositive();

            flaky.close();
            produceCommitted(List.of(aRollupOf(2025, "38"), aRollupOf(2025, "15271"), aRollupOf(2025, "15274")));
            await("the batch in hand is lag while it cannot be written").atMost(PATIENCE)
                    .until(() -> lag(registry, topic) >= 3);
            assertThat(rowsWritten(registry, "unit_rollup")).isEqualTo(2);
            flaky = EmbeddedPostgresServer.start(ownPostgresDir, port, false);

            await().atMost(PATIENCE).until(() -> TestDatabases.count(flakyJdbi, "unit_rollup") == 5);
            await().atMost(PATIENCE).until(() -> lag(registry, topic) == 0);
            assertThat(rowsWritten(registry, "unit_rollup")).isEqualTo(5);
        } finally {
            sink.close();
            running.get(10, TimeUnit.SECONDS);
            flaky.close();
        }
    }

    private static double lag(SimpleMeterRegistry registry, String topic) {
        return registry.get(SinkMetrics.LAG).tag("topic", topic).gauge().value();
    }

    private static double rowsWritten(SimpleMeterRegistry registry, String table) {
        return registry.get(SinkMetrics.ROWS_WRITTEN).tag("table", table).counter().count();
    }

    @Test
    void closingASinkThatNeverRanReleasesItsConsumer() {
        RollupSink sink = new RollupSink(settings, jdbi);

        sink.close();
        sink.run();

        assertThat(sink.progress()).isEqualTo(new SinkProgress(0, 0, 0, 0));
    }

    private Map<String, Long> revisions() {
        Map<String, Long> revisions = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT review_year || '/' || unit_code AS unit, revision FROM unit_rollup")
                .map((rows, context) -> Map.entry(rows.getString("unit"), rows.getLong("revision")))
                .forEach(entry -> revisions.put(entry.getKey(), entry.getValue())));
        return revisions;
    }

    private Map<String, String> disagreements() {
        Map<String, String> reviews = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT review_year || '/' || household_id AS household, review_id FROM classification_disagreement")
                .map((rows, context) -> Map.entry(rows.getString("household"), rows.getString("review_id")))
                .forEach(entry -> reviews.put(entry.getKey(), entry.getValue())));
        return reviews;
    }

    private Map<String, Long> targetRevisions() {
        Map<String, Long> revisions = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT review_year || '/' || unit_code AS unit, revision FROM target_status")
                .map((rows, context) -> Map.entry(rows.getString("unit"), rows.getLong("revision")))
                .forEach(entry -> revisions.put(entry.getKey(), entry.getValue())));
        return revisions;
    }

    private Set<String> alertIds() {
        return Set.copyOf(jdbi.withHandle(handle -> handle.createQuery("SELECT alert_id FROM target_gap_alert").mapTo(String.class).list()));
    }

    private ProducerRecord<String, byte[]> status(TargetStatusBuilder status) {
        return new ProducerRecord<>(statusesTopic, status.key(), AvroSerde.of(TargetStatus.class).encode(status.build()));
    }

    private ProducerRecord<String, byte[]> statusTombstone(int reviewYear, String unitCode) {
        return new ProducerRecord<>(statusesTopic, new TargetKey(reviewYear, unitCode, TargetMeasure.POVERTY_RATE).toString(), null);
    }

    private ProducerRecord<String, byte[]> alert(TargetGapAlertBuilder alert) {
        return new ProducerRecord<>(alertsTopic, alert.alertId(), AvroSerde.of(TargetGapAlert.class).encode(alert.build()));
    }

    private ProducerRecord<String, byte[]> rollup(RollupBuilder rollup) {
        return new ProducerRecord<>(topic, rollup.key(), AvroSerde.of(UnitRollup.class).encode(rollup.build()));
    }

    private ProducerRecord<String, byte[]> disagreement(DisagreementBuilder disagreement) {
        return new ProducerRecord<>(disagreementsTopic, disagreement.key(),
                AvroSerde.of(ClassificationDisagreement.class).encode(disagreement.build()));
    }

    private ProducerRecord<String, byte[]> tombstone(int reviewYear, String householdId) {
        return new ProducerRecord<>(disagreementsTopic, new HouseholdKey(reviewYear, householdId).toString(), null);
    }

    /** Produces records of both topics in one transaction; returns, per partition, the offset after the last record. */
    @SafeVarargs
    private Map<TopicPartition, Long> produceMixed(boolean commit, ProducerRecord<String, byte[]>... records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                producerProperties("mixed-" + UUID.randomUUID()), new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            Map<TopicPartition, Long> nextOffsets = new HashMap<>();
            for (Future<RecordMetadata> metadata : sent) {
                nextOffsets.merge(new TopicPartition(metadata.get().topic(), metadata.get().partition()), metadata.get().offset() + 1, Math::max);
            }
            return nextOffsets;
        }
    }

    /** Produces in one committed transaction; returns, per partition, the offset after the last record. */
    private Map<Integer, Long> produceCommitted(List<RollupBuilder> rollups) throws Exception {
        return produceInTransaction(rollups, true);
    }

    private void produceAborted(List<RollupBuilder> rollups) throws Exception {
        produceInTransaction(rollups, false);
    }

    private Map<Integer, Long> produceInTransaction(List<RollupBuilder> rollups, boolean commit) throws Exception {
        try (KafkaProducer<String, UnitRollup> producer = new KafkaProducer<>(
                producerProperties("rollups-" + UUID.randomUUID()), new StringSerializer(), AvroSerde.of(UnitRollup.class).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            rollups.forEach(rollup -> sent.add(producer.send(new ProducerRecord<>(topic, rollup.key(), rollup.build()))));
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            Map<Integer, Long> nextOffsets = new HashMap<>();
            for (Future<RecordMetadata> metadata : sent) {
                nextOffsets.merge(metadata.get().partition(), metadata.get().offset() + 1, Math::max);
            }
            return nextOffsets;
        }
    }

    private static Properties producerProperties(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return props;
    }

    private static ListAppender<ILoggingEvent> captureLogOf(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }
}
