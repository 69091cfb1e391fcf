package vn.povertyreview.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.domain.rollup.UnitReport;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.sink.rollup.RollupRow;

/**
 * Rollups of real units of the official maps, with names and parents from the unit directory.
 * Without {@link #report} a rollup has empty figure and measure maps, like the records written
 * before those existed.
 */
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
    private Map<String, Long> figures = Map.of();
    private Map<String, String> measures = Map.of();
    private List<Long> counts = List.of();
    private String name;

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

    /** The figures and measures of the report, and the households, poor and near-poor counts from it. */
    RollupBuilder report(UnitReport report) {
        households(report.figures().get(Figure.HOUSEHOLDS), report.figures().get(Figure.POOR), report.figures().get(Figure.NEAR_POOR));
        Map<String, Long> figureMap = new LinkedHashMap<>();
        report.figures().forEach((figure, count) -> figureMap.put(figure.name(), count));
        Map<String, String> measureMap = new LinkedHashMap<>();
        report.measures().forEach((measure, value) -> measureMap.put(measure.name(), value.toPlainString()));
        return maps(figureMap, measureMap);
    }

    /** The unit's sum as version 3 writes it: counts in figure order, no maps. */
    RollupBuilder counts(Tally sum) {
        households(sum.get(Figure.HOUSEHOLDS), sum.get(Figure.POOR), sum.get(Figure.NEAR_POOR));
        this.counts = new ArrayList<>();
        for (long count : sum.toArray()) {
            counts.add(count);
        }
        return maps(Map.of(), Map.of());
    }

    /** The figure and measure maps exactly as given: any names, any texts. */
    RollupBuilder maps(Map<String, Long> figureMap, Map<String, String> measureMap) {
        this.figures = figureMap;
        this.measures = measureMap;
        return this;
    }

    /** A registered name instead of the map's. */
    RollupBuilder named(String registeredName) {
        this.name = registeredName;
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
                .setUnitName(name != null ? name : unit.name())
                .setParentCode(unit.parentCode())
                .setTotalHouseholds(total)
                .setPoorHouseholds(poor)
                .setNearPoorHouseholds(nearPoor)
                .setPoorRate(Rates.percent(poor, total))
                .setNearPoorRate(Rates.percent(nearPoor, total))
                .setRevision(revision)
                .setUpdatedAt(updatedAt)
                .setFigures(figures)
                .setMeasures(measures)
                .setCounts(counts)
                .build();
    }

    String key() {
        return new UnitKey(reviewYear, unit.code()).toString();
    }

    /** The rollup as the sink would poll it from the given partition and offset: read into its row. */
    ConsumerRecord<String, RollupRow> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key(), RollupRow.of(build()));
    }
}
