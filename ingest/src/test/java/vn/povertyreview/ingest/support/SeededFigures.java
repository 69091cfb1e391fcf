package vn.povertyreview.ingest.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitRef;
import vn.povertyreview.sink.SinkWriter;
import vn.povertyreview.sink.disagreement.DisagreementRow;
import vn.povertyreview.sink.rollup.RollupRow;
import vn.povertyreview.sink.targets.TargetGapAlertRow;
import vn.povertyreview.sink.targets.TargetStatusRow;

/**
 * Figures of Thanh Hóa (38) in both maps, written to the sink's tables as the sink would: in 2025
 * the province holds communes 15271 (Xã Hà Trung, villages TK1 and TK2) and 14758 directly; in 2024
 * it holds district 392 (Huyện Hà Trung), which holds 15271, then named Thị trấn Hà Trung. Hà Nội
 * (01) is another province. 15271's 2025 target is missed, 14758's on track.
 */
public final class SeededFigures {

    private static final OffsetDateTime LAST_CHANGE = OffsetDateTime.of(2025, 11, 3, 2, 15, 0, 0, ZoneOffset.UTC);

    private long offset;

    private SeededFigures() {
    }

    public static void write(Jdbi jdbi) {
        new SeededFigures().writeAll(jdbi);
    }

    /**
     * A unit's target turning {@code status} and the alert the streams raise for it, written as the
     * sink writes them (so the insert trigger notifies the alert); the alert's id.
     */
    public static String targetTurns(Jdbi jdbi, int year, String code, String name, TargetStatusKind status, long offset) {
        SeededFigures seed = new SeededFigures();
        seed.offset = offset;
        TargetGapAlert alert = TargetGapAlert.newBuilder()
                .setAlertId(year + "/" + code + "/POVERTY_RATE/RATE_POINTS/2.0/" + status)
                .setUnit(UnitRef.newBuilder().setCode(code).setName(name).build())
                .setParents(List.of(UnitRef.newBuilder().setCode("38").setName("Tỉnh Thanh Hóa").build()))
                .setReviewYear(year).setMeasure(TargetMeasure.POVERTY_RATE).setKind(TargetKind.RATE_POINTS).setValue("2.0")
                .setStatus(status).setPreviousStatus(TargetStatusKind.ON_TRACK).setYearClosed(false).setGapHouseholds(7)
                .setGapPoints("0.55").setCompletionPercent("12.50")
                .setMessageVi(name + " không đạt chỉ tiêu giảm 2,0 điểm % tỷ lệ hộ nghèo năm " + year)
                .setMessageEn(name + " missed its " + year + " target").setRaisedAt(Instant.parse("2025-11-04T02:00:00Z"))
                .build();
        new SinkWriter(jdbi, "poverty-sink").write(List.of(seed.targetStatus(year, code, name, status),
                new ConsumerRecord<>("target-gap-alerts", 0, offset + 1, alert.getAlertId(), TargetGapAlertRow.of(alert))),
                Map.of());
        return alert.getAlertId();
    }

    private void writeAll(Jdbi jdbi) {
        List<ConsumerRecord<String, ?>> records = new ArrayList<>();
        records.add(rollup(2025, "VN", "NATION", "Việt Nam", null, 2_000, 100, 80));
        records.add(rollup(2025, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_000, 40, 40));
        records.add(rollup(2025, "01", "PROVINCE", "Thành phố Hà Nội", "VN", 1_000, 60, 40));
        records.add(rollup(2025, "15271", "COMMUNE", "Xã Hà Trung", "38", 700, 21, 30));
        records.add(rollup(2025, "14758", "COMMUNE", "Phường Hàm Rồng", "38", 300, 19, 10));
        records.add(rollup(2025, "15271-TK1", "VILLAGE", "Tiểu khu Tân Lập", "15271", 400, 20, 20));
        records.add(rollup(2025, "15271-TK2", "VILLAGE", "Thôn Đông", "15271", 300, 1, 10));
        records.add(rollup(2026, "15271", "COMMUNE", "Xã Hà Trung", "38", 710, 14, 25));
        records.add(rollup(2024, "VN", "NATION", "Việt Nam", null, 2_100, 110, 80));
        records.add(rollup(2024, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_100, 55, 40));
        records.add(rollup(2024, "392", "DISTRICT", "Huyện Hà Trung", "38", 800, 40, 30));
        // Stored under its 2025 name: the page names it from the 2024 map all the same.
        records.add(rollup(2024, "15271", "COMMUNE", "Xã Hà Trung", "392", 800, 40, 30));
        records.add(targetStatus(2025, "15271", "Xã Hà Trung", TargetStatusKind.MISSED));
        records.add(targetStatus(2025, "14758", "Phường Hàm Rồng", TargetStatusKind.ON_TRACK));
        records.add(disagreement("HH-38-000002"));
        records.add(disagreement("HH-38-000001"));
        new SinkWriter(jdbi, "poverty-sink").write(records, Map.of());
    }

    private ConsumerRecord<String, RollupRow> rollup(int year, String code, String level, String name, String parent,
            long households, long poor, long nearPoor) {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        int order = 2;
        for (Indicator indicator : Indicator.values()) {
            figures.put(Figure.deprived(Classification.POOR, indicator), poor / order++);
        }
        figures.putAll(Map.of(Figure.HOUSEHOLDS, households, Figure.POOR, poor, Figure.NEAR_POOR, nearPoor,
                Figure.START_HOUSEHOLDS, households + 10, Figure.START_POOR, poor, Figure.END_POOR, poor,
                Figure.ETHNIC_MINORITY, households / 10, Figure.ETHNIC_MINORITY_POOR, poor / 2));
        Map<Measure, BigDecimal> measures = Map.of(
                Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO, new BigDecimal("0.030000"));
        String mapId = year >= 2025 ? "2025-07-01" : "2025-03-01";
        RollupRow row = new RollupRow(code, year, mapId, level, name, parent, figures, measures, 1, LAST_CHANGE);
        return new ConsumerRecord<>("unit-rollups", 0, offset++, year + "/" + code, row);
    }

    private ConsumerRecord<String, TargetStatusRow> targetStatus(int year, String code, String name, TargetStatusKind status) {
        TargetStatus value = TargetStatus.newBuilder()
                .setUnit(UnitRef.newBuilder().setCode(code).setName(name).build())
                .setParents(List.of(UnitRef.newBuilder().setCode("38").setName("Tỉnh Thanh Hóa").build()))
                .setReviewYear(year).setMeasure(TargetMeasure.POVERTY_RATE).setKind(TargetKind.RATE_POINTS).setValue("2.0")
                .setBaselinePoorHouseholds(120).setBaselineTotalHouseholds(1_250).setBaselineRate("9.6").setBaselineStated(false)
                .setTargetEndHouseholds(95).setTargetEndRate("7.6").setCurrentPoorHouseholds(94).setCurrentTotalHouseholds(1_253)
                .setCurrentRate("7.5").setGapHouseholds(-1).setGapPoints("-0.1").setCompletionPercent("25.00")
                .setReviewedShare("0.4132").setStatus(status).setYearClosed(false).setRevision(1)
                .setUpdatedAt(Instant.parse("2025-11-03T02:00:00.250Z"))
                .build();
        return new ConsumerRecord<>("target-statuses", 0, offset++,
                new TargetKey(year, code, TargetMeasure.POVERTY_RATE).toString(), TargetStatusRow.of(value));
    }

    private ConsumerRecord<String, DisagreementRow> disagreement(String householdId) {
        DisagreementRow row = new DisagreementRow(2025, householdId, "rv-" + householdId, LAST_CHANGE, "38", null, "15271",
                "15271-TK1", "RURAL", "POOR", "NEAR_POOR", 1_200_000, 2);
        return new ConsumerRecord<>("classification-disagreements", 0, offset++, "2025/" + householdId, row);
    }
}
