package vn.povertyreview.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.streams.internal.ReviewCheckProcessor;
import vn.povertyreview.streams.internal.UnitRollupProcessor;
import vn.povertyreview.testsupport.ReviewBuilder;

/** The rollup topology in a {@link TopologyTestDriver}, spoken to in the words of the tests. */
final class RollupHarness implements AutoCloseable {

    static final AdminMaps MAPS = AdminMaps.official();
    static final Duration FLUSH = Duration.ofSeconds(1);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, HouseholdReview> reviews;
    private final TestInputTopic<String, byte[]> rawReviews;
    private final TestInputTopic<String, AdminUnit> adminUnits;
    private final TestOutputTopic<String, UnitRollup> rollupTopic;
    private final TestOutputTopic<String, RejectedReview> rejectedTopic;
    private final TestOutputTopic<String, ClassificationDisagreement> disagreementTopic;
    private final Map<String, UnitRollup> latest = new HashMap<>();
    private final Map<String, ClassificationDisagreement> disagreements = new HashMap<>();
    private final TestInputTopic<String, ReductionTarget> targetTopic;
    private final TestInputTopic<String, ReviewYearClosure> closureTopic;
    private final TestOutputTopic<String, TargetStatus> statusTopic;
    private final TestOutputTopic<String, TargetGapAlert> alertTopic;
    private final Map<String, TargetStatus> statuses = new LinkedHashMap<>();
    private final List<TestRecord<String, TargetStatus>> statusRecords = new ArrayList<>();
    private final List<TargetGapAlert> alerts = new ArrayList<>();
    private final List<TestRecord<String, HouseholdReview>> sentReviews = new ArrayList<>();
    private final List<TestRecord<String, ReductionTarget>> sentTargets = new ArrayList<>();
    private final List<TestRecord<String, ReviewYearClosure>> sentClosures = new ArrayList<>();
    private Instant clock = Instant.parse("2025-11-01T00:00:00Z");

    RollupHarness(Path stateDir) {
        Topics topics = Topics.withDefaultNames();
        Properties props = new RollupStreamsConfig("rollup-test", "unused:9092", stateDir, 1, 1)
                .properties(topics);
        driver = new TopologyTestDriver(RollupTopology.build(topics, MAPS, PovertyStandards.official(), AdminSuccession.official(MAPS),
                new RollupOptions(FLUSH, FLUSH, 50_000)), props, clock);
        reviews = driver.createInputTopic(topics.householdReviews().name(), Serdes.String().serializer(),
                topics.householdReviews().valueSerde().serializer());
        rawReviews = driver.createInputTopic(topics.householdReviews().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        adminUnits = driver.createInputTopic(topics.adminUnits().name(), Serdes.String().serializer(),
                topics.adminUnits().valueSerde().serializer());
        rollupTopic = driver.createOutputTopic(topics.unitRollups().name(), Serdes.String().deserializer(),
                topics.unitRollups().valueSerde().deserializer());
        rejectedTopic = driver.createOutputTopic(topics.rejectedReviews().name(), Serdes.String().deserializer(),
                topics.rejectedReviews().valueSerde().deserializer());
        disagreementTopic = driver.createOutputTopic(topics.classificationDisagreements().name(), Serdes.String().deserializer(),
                topics.classificationDisagreements().valueSerde().deserializer());
        targetTopic = driver.createInputTopic(topics.reductionTargets().name(), Serdes.String().serializer(),
                topics.reductionTargets().valueSerde().serializer());
        closureTopic = driver.createInputTopic(topics.reviewYearClosures().name(), Serdes.String().serializer(),
                topics.reviewYearClosures().valueSerde().serializer());
        statusTopic = driver.createOutputTopic(topics.targetStatuses().name(), Serdes.String().deserializer(),
                topics.targetStatuses().valueSerde().deserializer());
        alertTopic = driver.createOutputTopic(topics.targetGapAlerts().name(), Serdes.String().deserializer(),
                topics.targetGapAlerts().valueSerde().deserializer());
    }

    HouseholdReview submit(ReviewBuilder review) {
        HouseholdReview value = review.buildAvro();
        send(review.key(), value);
        return value;
    }

    void send(String key, HouseholdReview value) {
        clock = clock.plusMillis(10);
        TestRecord<String, HouseholdReview> record = new TestRecord<>(key, value, clock);
        sentReviews.add(record);
        reviews.pipeInput(record);
    }

    /** Sets a unit's reduction target of a year, measured from its previous year's final figure, as the admin API does. */
    void setTarget(int reviewYear, String unitCode, TargetMeasure measure, TargetKind kind, String value) {
        setTarget(ReductionTarget.newBuilder().setUnitCode(unitCode).setReviewYear(reviewYear).setMeasure(measure)
                .setKind(kind).setValue(value).setSetAt(clock).setSetBy("admin").build());
    }

    void setTarget(ReductionTarget target) {
        clock = clock.plusMillis(10);
        TestRecord<String, ReductionTarget> record = new TestRecord<>(TargetKey.of(target).toString(), target, clock);
        sentTargets.add(record);
        targetTopic.pipeInput(record);
    }

    void deleteTarget(int reviewYear, String unitCode, TargetMeasure measure) {
        clock = clock.plusMillis(10);
        TestRecord<String, ReductionTarget> record =
                new TestRecord<>(new TargetKey(reviewYear, unitCode, measure).toString(), null, clock);
        sentTargets.add(record);
        targetTopic.pipeInput(record);
    }

    /** Closes a review year for a unit and every unit under it. */
    void closeYear(int reviewYear, String unitCode) {
        clock = clock.plusMillis(10);
        ReviewYearClosure closure = ReviewYearClosure.newBuilder().setUnitCode(unitCode).setReviewYear(reviewYear)
                .setClosedAt(clock).setClosedBy("admin").build();
        TestRecord<String, ReviewYearClosure> record = new TestRecord<>(new UnitKey(reviewYear, unitCode).toString(), closure, clock);
        sentClosures.add(record);
        closureTopic.pipeInput(record);
    }

    void reopenYear(int reviewYear, String unitCode) {
        clock = clock.plusMillis(10);
        TestRecord<String, ReviewYearClosure> record = new TestRecord<>(new UnitKey(reviewYear, unitCode).toString(), null, clock);
        sentClosures.add(record);
        closureTopic.pipeInput(record);
    }

    /** Sends again every review, target and closure record sent so far, in order, as a replay of the input topics would. */
    void replayInputs() {
        for (TestRecord<String, ReductionTarget> record : List.copyOf(sentTargets)) {
            targetTopic.pipeInput(record);
        }
        for (TestRecord<String, ReviewYearClosure> record : List.copyOf(sentClosures)) {
            closureTopic.pipeInput(record);
        }
        for (TestRecord<String, HouseholdReview> record : List.copyOf(sentReviews)) {
            reviews.pipeInput(record);
        }
    }

    /** The target statuses listed now, by key {@code <reviewYear>/<unitCode>/<measure>}, as the compacted topic holds them. */
    Map<String, TargetStatus> statuses() {
        readTargetOutputs();
        return statuses;
    }

    TargetStatus status(int reviewYear, String unitCode, TargetMeasure measure) {
        return statuses().get(new TargetKey(reviewYear, unitCode, measure).toString());
    }

    /** Every target-status record published so far, tombstones included. */
    List<TestRecord<String, TargetStatus>> statusRecords() {
        readTargetOutputs();
        return statusRecords;
    }

    /** Every alert raised so far, in order. */
    List<TargetGapAlert> alerts() {
        readTargetOutputs();
        return alerts;
    }

    private void readTargetOutputs() {
        for (var record : statusTopic.readRecordsToList()) {
            TargetStatus previous = statuses.get(record.key());
            if (record.value() == null) {
                statuses.remove(record.key());
            } else {
                if (previous != null && previous.getRevision() >= record.value().getRevision()) {
                    throw new AssertionError("revision of status " + record.key() + " did not grow: "
                            + previous.getRevision() + " then " + record.value().getRevision());
                }
                statuses.put(record.key(), record.value());
            }
            statusRecords.add(record);
        }
        for (var record : alertTopic.readRecordsToList()) {
            if (!record.key().equals(record.value().getAlertId())) {
                throw new AssertionError("alert keyed " + record.key() + " has id " + record.value().getAlertId());
            }
            alerts.add(record.value());
        }
    }

    void sendBytes(String key, byte[] value) {
        clock = clock.plusMillis(10);
        rawReviews.pipeInput(new TestRecord<>(key, value, clock));
    }

    void withdraw(int reviewYear, String householdId) {
        withdraw(reviewYear, householdId, null);
    }

    void withdraw(int reviewYear, String householdId, String statedCommune) {
        clock = clock.plusMillis(10);
        RecordHeaders headers = new RecordHeaders();
        if (statedCommune != null) {
            headers.add(ReviewCheckProcessor.COMMUNE_HEADER, statedCommune.getBytes(StandardCharsets.UTF_8));
        }
        reviews.pipeInput(new TestRecord<>(new HouseholdKey(reviewYear, householdId).toString(), null, headers, clock));
    }

    /** Registers a village's proper name in a map, as the ingest API does. */
    void nameVillage(String mapId, String villageUnitCode, String name) {
        clock = clock.plusMillis(10);
        AdminUnit village = AdminUnit.newBuilder().setMapId(mapId).setCode(villageUnitCode).setLevel(UnitLevel.VILLAGE)
                .setName(name).setType("Thôn/Tổ dân phố").setParentCode(villageUnitCode.substring(0, villageUnitCode.indexOf('-')))
                .build();
        adminUnits.pipeInput(new TestRecord<>(mapId + "/" + villageUnitCode, village, clock));
    }

    /** Lets the flush interval pass, so that every summed change reaches the rollups. */
    Map<String, UnitRollup> settle() {
        driver.advanceWallClockTime(FLUSH);
        for (var record : rollupTopic.readRecordsToList()) {
            UnitRollup previous = latest.get(record.key());
            if (previous != null && previous.getRevision() >= record.value().getRevision()) {
                throw new AssertionError("revision of " + record.key() + " did not grow: " + previous.getRevision()
                        + " then " + record.value().getRevision());
            }
            latest.put(record.key(), record.value());
        }
        return latest;
    }

    /** Rollups emitted since the last look, without letting time pass. */
    List<UnitRollup> emittedWithoutFlush() {
        return rollupTopic.readValuesToList();
    }

    UnitRollup rollup(int reviewYear, String unitCode) {
        return latest.get(reviewYear + "/" + unitCode);
    }

    /** The disagreements listed now, by key {@code <reviewYear>/<householdId>}, as a compacted topic holds them. */
    Map<String, ClassificationDisagreement> disagreements() {
        for (var record : disagreementTopic.readRecordsToList()) {
            if (record.value() == null) {
                disagreements.remove(record.key());
            } else {
                disagreements.put(record.key(), record.value());
            }
        }
        return disagreements;
    }

    /** The movement balance violations counted so far, over all tasks. */
    double balanceViolations() {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(UnitRollupProcessor.BALANCE_VIOLATIONS_METRIC))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    List<RejectedReview> rejected() {
        return rejectedTopic.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
