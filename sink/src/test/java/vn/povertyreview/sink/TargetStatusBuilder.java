package vn.povertyreview.sink;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitRef;
import vn.povertyreview.sink.targets.TargetStatusRow;

/**
 * Target statuses of units of Thanh Hóa (38) in the two-level map: by default Xã Hà Trung (15271)
 * cutting its poverty rate by 2 points, at risk.
 */
final class TargetStatusBuilder {

    static final String TOPIC = "target-statuses";

    private final int reviewYear;
    private final String unitCode;
    private String unitName = "Xã Hà Trung";
    private List<UnitRef> parents = List.of(unit("38", "Tỉnh Thanh Hóa"), unit("VN", "Việt Nam"));
    private TargetMeasure measure = TargetMeasure.POVERTY_RATE;
    private TargetKind kind = TargetKind.RATE_POINTS;
    private String value = "2.0";
    private String currentRate = "7.5";
    private String completionPercent = "25.00";
    private String endRate = "7.6";
    private String gapPoints = "-0.1";
    private TargetStatusKind status = TargetStatusKind.AT_RISK;
    private long revision = 1;
    private Instant updatedAt = Instant.parse("2025-11-03T02:00:00.250Z");

    private TargetStatusBuilder(int reviewYear, String unitCode) {
        this.reviewYear = reviewYear;
        this.unitCode = unitCode;
    }

    static TargetStatusBuilder aStatusOf(int reviewYear, String unitCode) {
        return new TargetStatusBuilder(reviewYear, unitCode);
    }

    static UnitRef unit(String code, String name) {
        return UnitRef.newBuilder().setCode(code).setName(name).build();
    }

    /** The tombstone of a target: it was deleted. */
    static ConsumerRecord<String, TargetStatusRow> tombstoneOf(int reviewYear, String unitCode, int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, new TargetKey(reviewYear, unitCode, TargetMeasure.POVERTY_RATE).toString(), null);
    }

    TargetStatusBuilder named(String name, List<UnitRef> newParents) {
        this.unitName = name;
        this.parents = newParents;
        return this;
    }

    TargetStatusBuilder measure(TargetMeasure newMeasure) {
        this.measure = newMeasure;
        return this;
    }

    TargetStatusBuilder status(TargetStatusKind newStatus, String newCurrentRate, String newCompletion) {
        this.status = newStatus;
        this.currentRate = newCurrentRate;
        this.completionPercent = newCompletion;
        return this;
    }

    TargetStatusBuilder target(TargetKind newKind, String newValue) {
        this.kind = newKind;
        this.value = newValue;
        return this;
    }

    TargetStatusBuilder endRate(String newEndRate, String newGapPoints) {
        this.endRate = newEndRate;
        this.gapPoints = newGapPoints;
        return this;
    }

    TargetStatusBuilder revision(long newRevision) {
        this.revision = newRevision;
        return this;
    }

    TargetStatusBuilder updatedAt(Instant time) {
        this.updatedAt = time;
        return this;
    }

    TargetStatus build() {
        return TargetStatus.newBuilder()
                .setUnit(unit(unitCode, unitName))
                .setParents(parents)
                .setReviewYear(reviewYear)
                .setMeasure(measure)
                .setKind(kind)
                .setValue(value)
                .setBaselinePoorHouseholds(120)
                .setBaselineTotalHouseholds(1_250)
                .setBaselineRate("9.6")
                .setBaselineStated(false)
                .setTargetEndHouseholds(95)
                .setTargetEndRate(endRate)
                .setCurrentPoorHouseholds(94)
                .setCurrentTotalHouseholds(1_253)
                .setCurrentRate(currentRate)
                .setGapHouseholds(-1)
                .setGapPoints(gapPoints)
                .setCompletionPercent(completionPercent)
                .setReviewedShare("0.4132")
                .setStatus(status)
                .setYearClosed(false)
                .setRevision(revision)
                .setUpdatedAt(updatedAt)
                .build();
    }

    String key() {
        return new TargetKey(reviewYear, unitCode, measure).toString();
    }

    /** The status as the sink would poll it from the given partition and offset: read into its row. */
    ConsumerRecord<String, TargetStatusRow> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key(), TargetStatusRow.of(build()));
    }
}
