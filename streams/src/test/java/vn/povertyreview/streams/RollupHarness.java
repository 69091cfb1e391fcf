package vn.povertyreview.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.Topics;
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
    private Instant clock = Instant.parse("2025-11-01T00:00:00Z");

    RollupHarness(Path stateDir) {
        Topics topics = Topics.withDefaultNames();
        Properties props = new RollupStreamsConfig("rollup-test", "unused:9092", stateDir, 1, 1)
                .properties(topics);
        driver = new TopologyTestDriver(RollupTopology.build(topics, MAPS, new RollupOptions(FLUSH, 50_000)), props, clock);
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
    }

    HouseholdReview submit(ReviewBuilder review) {
        HouseholdReview value = review.buildAvro();
        send(review.key(), value);
        return value;
    }

    void send(String key, HouseholdReview value) {
        clock = clock.plusMillis(10);
        reviews.pipeInput(new TestRecord<>(key, value, clock));
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
