package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.schemas.TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE;
import static vn.povertyreview.schemas.TargetMeasure.POVERTY_RATE;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitRef;

/**
 * Live target statuses and target-gap alerts through the whole topology: reviews, targets and
 * closures in; a status per target and an alert per worsened (or closed and missed) state out,
 * never the same alert twice.
 */
class TargetStatusTopologyTest {

    /** Xã Hà Trung (two-level map, from 2025), in Tỉnh Thanh Hóa. */
    private static final String HA_TRUNG = "15271";
    private static final String THANH_HOA = "38";

    @TempDir
    Path stateDir;
    RollupHarness pipeline;

    @BeforeEach
    void start() {
        pipeline = new RollupHarness(stateDir);
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    /** {@code poor} poor and {@code notPoor} other households of a village reviewed in a year, ids {@code <prefix>-<n>}. */
    private void households(String prefix, int year, String village, int poor, int notPoor) {
        for (int i = 0; i < poor + notPoor; i++) {
            var review = aReview().household(prefix + "-" + i).year(year).inVillage(village);
            pipeline.submit(i < poor ? review.poor() : review.notPoor());
        }
    }

    private static String statusOf(TargetStatus status) {
        return status == null ? null : status.getStatus().name();
    }

    private static List<String> alertIds(List<TargetGapAlert> alerts) {
        return alerts.stream().map(TargetGapAlert::getAlertId).toList();
    }

    /** The first commune of a 2024 district (three-level map). */
    private static String communeOf(String districtCode) {
        return RollupHarness.MAPS.forReviewYear(2024).units(UnitLevel.COMMUNE).stream()
                .filter(commune -> commune.parentCode().equals(districtCode))
                .map(AdminUnit::code).findFirst().orElseThrow();
    }

    private static String nameOf(int year, String code) {
        return RollupHarness.MAPS.forReviewYear(year).units(UnitLevel.DISTRICT).stream()
                .filter(unit -> unit.code().equals(code)).map(AdminUnit::name).findFirst().orElseThrow();
    }

    @Test
    void aProvinceThatMeetsItsTargetWhileThreeOfItsDistrictsMissTheirsRaisesAlertsForExactlyThoseThree() {
        List<String> missing = List.of("384", "385", "386");
        String meeting = "387";
        pipeline.setTarget(2024, THANH_HOA, POVERTY_RATE, TargetKind.RATE_POINTS, "25.0");
        for (String district : missing) {
            pipeline.setTarget(2024, district, POVERTY_RATE, TargetKind.END_RATE, "20");
        }
        pipeline.setTarget(2024, meeting, POVERTY_RATE, TargetKind.END_RATE, "20");
        // Three districts of 10 households go from 5 poor to 4 (40%, not 20%); one of 40 from 20 poor to none.
        for (String district : missing) {
            String village = communeOf(district) + "-T1";
            households("HH" + district, 2023, village, 5, 5);
            households("HH" + district, 2024, village, 4, 6);
        }
        String village = communeOf(meeting) + "-T1";
        households("HH" + meeting, 2023, village, 20, 20);
        households("HH" + meeting, 2024, village, 0, 40);
        pipeline.settle();

        // The province: 35 of 70 poor (50%) to 12 of 70 (17.1429%) against 25% at most.
        TargetStatus province = pipeline.status(2024, THANH_HOA, POVERTY_RATE);
        assertThat(statusOf(province)).isEqualTo("ON_TRACK");
        assertThat(province.getBaselineRate()).isEqualTo("50.0000");
        assertThat(province.getCurrentRate()).isEqualTo("17.1429");
        assertThat(province.getTargetEndRate()).isEqualTo("25.0000");
        assertThat(province.getReviewedShare()).isEqualTo("1.0000");
        assertThat(province.getUnit()).isEqualTo(new UnitRef(THANH_HOA, "Tỉnh Thanh Hóa"));
        assertThat(province.getParents()).containsExactly(new UnitRef("VN", "Việt Nam"));
        for (String district : missing) {
            assertThat(statusOf(pipeline.status(2024, district, POVERTY_RATE))).as(district).isEqualTo("AT_RISK");
        }
        assertThat(statusOf(pipeline.status(2024, meeting, POVERTY_RATE))).isEqualTo("ON_TRACK");
        assertThat(alertIds(pipeline.alerts())).as("behind pace while open: at risk")
                .containsExactlyInAnyOrder("2024/384/POVERTY_RATE/END_RATE/20/AT_RISK",
                        "2024/385/POVERTY_RATE/END_RATE/20/AT_RISK", "2024/386/POVERTY_RATE/END_RATE/20/AT_RISK");
        int before = pipeline.alerts().size();

        pipeline.closeYear(2024, THANH_HOA);
        pipeline.settle();

        List<TargetGapAlert> closing = pipeline.alerts().subList(before, pipeline.alerts().size());
        assertThat(alertIds(closing)).as("closing the province's year: its three districts missed")
                .containsExactlyInAnyOrder("2024/384/POVERTY_RATE/END_RATE/20/MISSED",
                        "2024/385/POVERTY_RATE/END_RATE/20/MISSED", "2024/386/POVERTY_RATE/END_RATE/20/MISSED");
        for (TargetGapAlert alert : closing) {
            assertThat(alert.getStatus()).isEqualTo(TargetStatusKind.MISSED);
            assertThat(alert.getPreviousStatus()).isEqualTo(TargetStatusKind.AT_RISK);
            assertThat(alert.getYearClosed()).isTrue();
            assertThat(alert.getGapHouseholds()).isEqualTo(2);
            assertThat(alert.getGapPoints()).isEqualTo("20.0000");
            assertThat(alert.getCompletionPercent()).isEqualTo("33.33");
            assertThat(alert.getMessageVi()).startsWith(nameOf(2024, alert.getUnit().getCode()) + ", Tỉnh Thanh Hóa (mã ")
                    .contains("Không đạt chỉ tiêu");
            assertThat(alert.getParents()).extracting(UnitRef::getCode).containsExactly(THANH_HOA, "VN");
        }
        assertThat(statusOf(pipeline.status(2024, THANH_HOA, POVERTY_RATE))).isEqualTo("MET");
        assertThat(pipeline.status(2024, THANH_HOA, POVERTY_RATE).getCompletionPercent()).isEqualTo("131.43");
        assertThat(statusOf(pipeline.status(2024, meeting, POVERTY_RATE))).isEqualTo("MET");
        assertThat(pipeline.alerts()).as("never an alert for the province or the district that met its target")
                .extracting(alert -> alert.getUnit().getCode()).containsOnly("384", "385", "386");
        assertThat(pipeline.statuses().values()).allSatisfy(status -> assertThat(status.getYearClosed()).isTrue());
    }

    @Test
    void aCommuneWhoseVillagesShareItsHouseholdsTargetRaisesAlertsForExactlyTheVillagesThatFallShort() {
        pipeline.nameVillage(AdminMaps.TWO_LEVEL_MAP_ID, HA_TRUNG + "-TK2", "Thôn Tây Sơn");
        // 2025: 6 of 8, 4 of 6 and 2 of 4 poor. The commune must shed 6 poor households, its villages 3, 2 and 1.
        households("TK1", 2025, HA_TRUNG + "-TK1", 6, 2);
        households("TK2", 2025, HA_TRUNG + "-TK2", 4, 2);
        households("TK3", 2025, HA_TRUNG + "-TK3", 2, 2);
        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.HOUSEHOLDS, "6");
        pipeline.setTarget(2026, HA_TRUNG + "-TK1", POVERTY_RATE, TargetKind.HOUSEHOLDS, "3");
        pipeline.setTarget(2026, HA_TRUNG + "-TK2", POVERTY_RATE, TargetKind.HOUSEHOLDS, "2");
        pipeline.setTarget(2026, HA_TRUNG + "-TK3", POVERTY_RATE, TargetKind.HOUSEHOLDS, "1");
        // 2026: TK1 sheds 5 (beyond its 3), TK2 1 (of 2), TK3 none (of 1): the commune sheds exactly its 6.
        households("TK1", 2026, HA_TRUNG + "-TK1", 1, 7);
        households("TK2", 2026, HA_TRUNG + "-TK2", 3, 3);
        households("TK3", 2026, HA_TRUNG + "-TK3", 2, 2);
        pipeline.settle();

        assertThat(statusOf(pipeline.status(2026, HA_TRUNG, POVERTY_RATE))).isEqualTo("ON_TRACK");
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG + "-TK1", POVERTY_RATE))).isEqualTo("ON_TRACK");
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG + "-TK2", POVERTY_RATE))).isEqualTo("AT_RISK");
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG + "-TK3", POVERTY_RATE))).isEqualTo("AT_RISK");

        pipeline.closeYear(2026, HA_TRUNG);
        pipeline.settle();

        assertThat(statusOf(pipeline.status(2026, HA_TRUNG, POVERTY_RATE))).as("exactly at its target is met").isEqualTo("MET");
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG + "-TK1", POVERTY_RATE))).isEqualTo("MET");
        assertThat(alertIds(pipeline.alerts())).containsExactlyInAnyOrder(
                "2026/15271-TK2/POVERTY_RATE/HOUSEHOLDS/2/AT_RISK", "2026/15271-TK3/POVERTY_RATE/HOUSEHOLDS/1/AT_RISK",
                "2026/15271-TK2/POVERTY_RATE/HOUSEHOLDS/2/MISSED", "2026/15271-TK3/POVERTY_RATE/HOUSEHOLDS/1/MISSED");
        TargetGapAlert tayson = pipeline.alerts().stream()
                .filter(alert -> alert.getAlertId().equals("2026/15271-TK2/POVERTY_RATE/HOUSEHOLDS/2/MISSED"))
                .findFirst().orElseThrow();
        assertThat(tayson.getUnit()).isEqualTo(new UnitRef(HA_TRUNG + "-TK2", "Thôn Tây Sơn"));
        assertThat(tayson.getParents()).extracting(UnitRef::getName).containsExactly("Xã Hà Trung", "Tỉnh Thanh Hóa", "Việt Nam");
        assertThat(tayson.getGapHouseholds()).isEqualTo(1);
        assertThat(tayson.getCompletionPercent()).isEqualTo("50.00");
        assertThat(tayson.getMessageVi()).startsWith("Thôn Tây Sơn, Xã Hà Trung, Tỉnh Thanh Hóa (mã 15271-TK2), năm rà soát 2026")
                .contains("còn thiếu 1 hộ");
        assertThat(tayson.getMessageEn()).contains("still short by 1 households").contains("status: Missed");
    }

    @Test
    void aLateCorrectionAfterClosingThatTurnsMetIntoMissedRaisesANewAlert() {
        households("HH", 2025, HA_TRUNG + "-TK1", 4, 0);
        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.HOUSEHOLDS, "2");
        households("HH", 2026, HA_TRUNG + "-TK1", 2, 2);
        pipeline.closeYear(2026, THANH_HOA);
        pipeline.settle();
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG, POVERTY_RATE))).isEqualTo("MET");
        assertThat(pipeline.alerts()).isEmpty();

        // HH-3 was not poor after all: reviewed again, later, as poor.
        pipeline.submit(aReview().household("HH-3").year(2026).inVillage(HA_TRUNG + "-TK1").poor()
                .reviewedAt("2026-12-20T00:00:00Z"));
        pipeline.settle();

        TargetStatus status = pipeline.status(2026, HA_TRUNG, POVERTY_RATE);
        assertThat(statusOf(status)).isEqualTo("MISSED");
        assertThat(status.getYearClosed()).isTrue();
        assertThat(pipeline.alerts()).hasSize(1);
        TargetGapAlert alert = pipeline.alerts().get(0);
        assertThat(alert.getAlertId()).isEqualTo("2026/15271/POVERTY_RATE/HOUSEHOLDS/2/MISSED");
        assertThat(alert.getPreviousStatus()).isEqualTo(TargetStatusKind.MET);
        assertThat(alert.getYearClosed()).isTrue();
        assertThat(alert.getMessageVi()).startsWith("Xã Hà Trung, Tỉnh Thanh Hóa (mã 15271)");
    }

    @Test
    void aReplayOfEveryInputRaisesNoAlertAndPublishesNoStatus() {
        households("HH", 2025, HA_TRUNG + "-TK1", 4, 0);
        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.HOUSEHOLDS, "2");
        households("HH", 2026, HA_TRUNG + "-TK1", 4, 0);
        pipeline.settle();
        pipeline.closeYear(2026, HA_TRUNG);
        pipeline.settle();
        assertThat(alertIds(pipeline.alerts())).containsExactly(
                "2026/15271/POVERTY_RATE/HOUSEHOLDS/2/AT_RISK", "2026/15271/POVERTY_RATE/HOUSEHOLDS/2/MISSED");
        int alerts = pipeline.alerts().size();
        int statuses = pipeline.statusRecords().size();

        pipeline.replayInputs();
        pipeline.settle();
        pipeline.settle();
        assertThat(pipeline.alerts()).as("replayed reviews, targets and closures").hasSize(alerts);
        assertThat(pipeline.statusRecords()).as("nothing changed, nothing published").hasSize(statuses);

        // Reopened (better: no alert) and closed again (missed again: the same alert, not raised twice).
        pipeline.reopenYear(2026, HA_TRUNG);
        pipeline.settle();
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG, POVERTY_RATE))).isEqualTo("AT_RISK");
        pipeline.closeYear(2026, HA_TRUNG);
        pipeline.settle();
        assertThat(statusOf(pipeline.status(2026, HA_TRUNG, POVERTY_RATE))).isEqualTo("MISSED");
        assertThat(pipeline.alerts()).hasSize(alerts);
    }

    @Test
    void aUnitBehindThePaceWhileTheYearIsOpenIsAtRisk() {
        // 2025: 10 households, 5 poor. Target: 2 fewer poor households in 2026.
        households("HH", 2025, HA_TRUNG + "-TK1", 5, 5);
        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.HOUSEHOLDS, "2");
        // Half reviewed: 2 still poor, 3 not poor: 3 fewer poor so far, on track.
        for (int i = 0; i < 5; i++) {
            int household = i < 2 ? i : i + 3;
            var review = aReview().household("HH-" + household).year(2026).inVillage(HA_TRUNG + "-TK1");
            pipeline.submit(i < 2 ? review.poor() : review.notPoor());
        }
        pipeline.settle();
        TargetStatus first = pipeline.status(2026, HA_TRUNG, POVERTY_RATE);
        assertThat(statusOf(first)).isEqualTo("ON_TRACK");
        assertThat(first.getReviewedShare()).isEqualTo("0.5000");
        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(pipeline.alerts()).as("a first status on track raises nothing").isEmpty();

        // The other three poor households reviewed, still poor: 5 of 5 poor with 8 of 10 reviewed.
        for (int household = 2; household < 5; household++) {
            pipeline.submit(aReview().household("HH-" + household).year(2026).inVillage(HA_TRUNG + "-TK1").poor());
        }
        pipeline.settle();
        TargetStatus status = pipeline.status(2026, HA_TRUNG, POVERTY_RATE);
        assertThat(statusOf(status)).isEqualTo("AT_RISK");
        assertThat(status.getYearClosed()).isFalse();
        assertThat(status.getRevision()).isEqualTo(2);
        assertThat(alertIds(pipeline.alerts())).containsExactly("2026/15271/POVERTY_RATE/HOUSEHOLDS/2/AT_RISK");
        assertThat(pipeline.alerts().get(0).getPreviousStatus()).isEqualTo(TargetStatusKind.ON_TRACK);
        assertThat(pipeline.alerts().get(0).getYearClosed()).isFalse();
    }

    @Test
    void aTargetSetAfterTheRollupsGetsItsStatusAtTheNextPunctuationAndADeletedOneATombstone() {
        households("HH", 2025, HA_TRUNG + "-TK1", 4, 4);
        households("HH", 2026, HA_TRUNG + "-TK1", 2, 6);
        pipeline.settle();
        assertThat(pipeline.statuses()).isEmpty();

        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.RATE_POINTS, "4.0");
        assertThat(pipeline.statuses()).as("not before the punctuation").isEmpty();
        pipeline.settle();
        TargetStatus status = pipeline.status(2026, HA_TRUNG, POVERTY_RATE);
        assertThat(statusOf(status)).isEqualTo("ON_TRACK");
        assertThat(status.getCompletionPercent()).isEqualTo("625.00");
        assertThat(status.getBaselineStated()).isFalse();
        assertThat(pipeline.statuses()).as("no target for the province, the village or another measure")
                .containsOnlyKeys("2026/15271/POVERTY_RATE");

        pipeline.setTarget(2026, HA_TRUNG, POVERTY_RATE, TargetKind.END_RATE, "30");
        pipeline.settle();
        assertThat(pipeline.status(2026, HA_TRUNG, POVERTY_RATE).getKind()).as("a changed target takes effect at once")
                .isEqualTo(TargetKind.END_RATE);
        assertThat(pipeline.status(2026, HA_TRUNG, POVERTY_RATE).getRevision()).isEqualTo(2);

        pipeline.deleteTarget(2026, HA_TRUNG, POVERTY_RATE);
        pipeline.settle();
        assertThat(pipeline.statuses()).isEmpty();
        var last = pipeline.statusRecords().get(pipeline.statusRecords().size() - 1);
        assertThat(last.key()).isEqualTo("2026/15271/POVERTY_RATE");
        assertThat(last.value()).as("a tombstone").isNull();
        Map<String, Long> perKey = pipeline.statusRecords().stream()
                .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
        assertThat(perKey).containsExactly(Map.entry("2026/15271/POVERTY_RATE", 3L));
        assertThat(pipeline.alerts()).isEmpty();
    }

    @Test
    void anEthnicMinorityTargetStartsFromLastYearsEthnicMinorityPoorAndAStatedBaselineReplacesLastYear() {
        String village = HA_TRUNG + "-TK1";
        for (int i = 0; i < 4; i++) {
            pipeline.submit(aReview().household("EM-" + i).year(2025).inVillage(village).poor().ethnicMinority());
            var review = aReview().household("EM-" + i).year(2026).inVillage(village).ethnicMinority();
            pipeline.submit(i == 0 ? review.poor() : review.notPoor());
        }
        households("P", 2025, village, 2, 4);
        households("P", 2026, village, 2, 4);
        pipeline.setTarget(2026, HA_TRUNG, ETHNIC_MINORITY_POVERTY_RATE, TargetKind.RATE_POINTS, "20");
        pipeline.setTarget(ReductionTarget.newBuilder().setUnitCode(HA_TRUNG).setReviewYear(2026).setMeasure(POVERTY_RATE)
                .setKind(TargetKind.BASELINE_PERCENT).setValue("50").setBaselinePoorHouseholds(20L)
                .setBaselineTotalHouseholds(30L).setSetAt(Instant.parse("2026-01-05T00:00:00Z")).setSetBy("import").build());
        pipeline.settle();

        TargetStatus ethnic = pipeline.status(2026, HA_TRUNG, ETHNIC_MINORITY_POVERTY_RATE);
        assertThat(statusOf(ethnic)).isEqualTo("ON_TRACK");
        assertThat(ethnic.getBaselineStated()).isFalse();
        assertThat(ethnic.getBaselinePoorHouseholds()).isEqualTo(4);
        assertThat(ethnic.getBaselineTotalHouseholds()).isEqualTo(10);
        assertThat(ethnic.getBaselineRate()).isEqualTo("40.0000");
        assertThat(ethnic.getCurrentPoorHouseholds()).isEqualTo(1);
        assertThat(ethnic.getCurrentRate()).isEqualTo("10.0000");
        assertThat(ethnic.getCompletionPercent()).isEqualTo("150.00");

        TargetStatus stated = pipeline.status(2026, HA_TRUNG, POVERTY_RATE);
        assertThat(stated.getBaselineStated()).isTrue();
        assertThat(stated.getBaselinePoorHouseholds()).isEqualTo(20);
        assertThat(stated.getTargetEndHouseholds()).isEqualTo(10);
        assertThat(stated.getCurrentPoorHouseholds()).isEqualTo(3);
        assertThat(statusOf(stated)).isEqualTo("ON_TRACK");
        assertThat(pipeline.alerts()).isEmpty();
    }
}
