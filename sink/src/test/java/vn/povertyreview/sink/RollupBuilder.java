package vn.povertyreview.sink;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.UnitRollup;

/** Rollups of real units of the official maps, with names and parents from the unit directory. */
final class RollupBuilder {

    static final String TOPIC = "unit-rollups";
    private static final UnitDirectory DIRECTORY = new UnitDirectory(AdminMaps.official());

    private final int reviewYear;
    private final AdminUnit unit;
    private long total = 1_000;
    private long poor = 52;
    private long nearPoor = 37;
    private long revision = 1;
    private Instant updatedAt = Instant.parse("2024-11-20T08:30:00.123Z");

    private RollupBuilder(int reviewYear, String unitCode) {
        this.reviewYear = reviewYear;
        this.unit = DIRECTORY.find(reviewYear, unitCode)
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitCode + " in " + reviewYear));
    }

    static RollupBuilder aRollupOf(int reviewYear, String unitCode) {
        return new RollupBuilder(reviewYear, unitCode);
    }

    RollupBuilder households(long totalHouseholds, long poorHouseholds, long nearPoorHouseholds) {
        this.total = totalHouseholds;
        this.poor = poorHouseholds;
        this.nearPoor = nearPoorHouseholds;
        return this;
    }

    RollupBuilder revision(long newRevision) {
        this.revision = newRevision;
        return this;
    }

    RollupBuilder updatedAt(Instant time) {
        this.updatedAt = time;
        return this;
    }

    UnitRollup build() {
        return UnitRollup.newBuilder()
                .setUnitCode(unit.code())
                .setReviewYear(reviewYear)
                .setMapId(DIRECTORY.mapId(reviewYear))
                .setLevel(UnitLevel.valueOf(unit.level().name()))
                .setUnitName(unit.name())
                .setParentCode(unit.parentCode())
                .setTotalHouseholds(total)
                .setPoorHouseholds(poor)
                .setNearPoorHouseholds(nearPoor)
                .setPoorRate(Rates.percent(poor, total))
                .setNearPoorRate(Rates.percent(nearPoor, total))
                .setRevision(revision)
                .setUpdatedAt(updatedAt)
                .build();
    }

    String key() {
        return new UnitKey(reviewYear, unit.code()).toString();
    }

    /** The rollup as the sink would poll it from the given partition and offset. */
    ConsumerRecord<String, UnitRollup> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key(), build());
    }
}
