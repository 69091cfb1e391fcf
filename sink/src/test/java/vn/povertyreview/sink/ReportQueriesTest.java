package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;
import static vn.povertyreview.sink.TargetStatusBuilder.aStatusOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.schemas.Area;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.sink.report.DisagreeingHousehold;
import vn.povertyreview.sink.report.OpenAlert;
import vn.povertyreview.sink.report.ExpectedCounts;
import vn.povertyreview.sink.report.ReportData;
import vn.povertyreview.sink.report.ReportLine;
import vn.povertyreview.sink.report.ReportQueries;
import vn.povertyreview.sink.report.ReportTable;
import vn.povertyreview.sink.report.ReportTables;
import vn.povertyreview.sink.report.ReportValue;
import vn.povertyreview.sink.report.ReportValue.Count;
import vn.povertyreview.sink.report.ReportValue.Rate;
import vn.povertyreview.sink.report.UnitFigures;
import vn.povertyreview.sink.report.UnitYear;

/** A commune with two villages and 15 households assigned to neither, read and laid out as its report. */
class ReportQueriesTest {

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;

    @BeforeEach
    void haTrungWithTwoVillages() {
        jdbi = TestDatabases.fresh(postgres.server());
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                aRollupOf(2025, "38").households(1_000_000, 24_000, 39_000).at(0, 0),
                aRollupOf(2025, "15271").households(715, 36, 36).maps(Map.of("START_HOUSEHOLDS", 800L), Map.of()).at(0, 1),
                aRollupOf(2025, "15271-TK2").households(300, 15, 16).maps(Map.of("START_HOUSEHOLDS", 310L), Map.of()).at(0, 2),
                aRollupOf(2025, "15271-TK1").households(400, 20, 20).maps(Map.of("START_HOUSEHOLDS", 420L), Map.of()).at(0, 3),
                aRollupOf(2024, "15271").households(2_500, 40, 61).at(0, 4),
                aStatusOf(2025, "15271-TK1").at(1, 0),
                aStatusOf(2025, "15271").at(1, 1),
                aStatusOf(2025, "38").at(1, 2)), Map.of());
        new ExpectedCounts(jdbi).set(2025, "15271-TK2", 320, "admin", Instant.parse("2025-10-01T00:00:00Z"));
    }

    @Test
    void readsTheUnitAndTheUnitsDirectlyUnderItInCodeOrder() {
        ReportData data = new ReportQueries(jdbi).load(2025, "15271").orElseThrow();

        assertThat(data.unit().unitName()).isEqualTo("Xã Hà Trung");
        assertThat(data.unit().figure(vn.povertyreview.domain.rollup.Figure.HOUSEHOLDS)).isEqualTo(715L);
        assertThat(data.children()).extracting(figures -> figures.unitCode()).containsExactly("15271-TK1", "15271-TK2");
        assertThat(data.progress()).extracting(row -> row.unitCode()).containsExactly("15271", "15271-TK1", "15271-TK2");
        assertThat(data.targets()).extracting(row -> row.unitCode()).containsExactly("15271", "15271-TK1");
    }

    @Test
    void theTrendHoldsTheUnitsYearsOfTheSameMapOnly() {
        new SinkWriter(jdbi, "poverty-sink").write(List.of(aRollupOf(2026, "15271").households(700, 30, 30).at(0, 10)), Map.of());

        List<UnitYear> trend = new ReportQueries(jdbi).trend("15271", "2025-07-01");

        assertThat(trend).extracting(UnitYear::reviewYear).as("2024 is of the three-level map").containsExactly(2025, 2026);
        assertThat(trend.get(1).figures().figure(vn.povertyreview.domain.rollup.Figure.POOR)).isEqualTo(30L);
    }

    @Test
    void readsTheStoredAlkireFosterRatiosButNoRate() {
        new SinkWriter(jdbi, "poverty-sink").write(List.of(aRollupOf(2025, "15274").households(100, 10, 5)
                .maps(Map.of(), Map.of("MULTIDIMENSIONAL_HEADCOUNT_RATIO", "0.050000", "MULTIDIMENSIONAL_INTENSITY", "0.333333",
                        "MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT", "0.016667")).at(0, 11)), Map.of());

        UnitFigures figures = new ReportQueries(jdbi).load(2025, "15274").orElseThrow().unit();

        assertThat(figures.measure(Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO)).isEqualByComparingTo("0.05");
        assertThat(figures.measure(Measure.MULTIDIMENSIONAL_INTENSITY)).isEqualByComparingTo("0.333333");
        assertThat(figures.measure(Measure.MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT)).isEqualByComparingTo("0.016667");
        assertThat(figures.measures()).doesNotContainKey(Measure.POOR_RATE);
    }

    @Test
    void listsTheDisagreeingHouseholdsOfAUnitByOpaqueIdAtEveryLevel() {
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                aDisagreementOf(2025, "HH-38-000002").at(0, 0),
                aDisagreementOf(2025, "HH-38-000001").classified(vn.povertyreview.schemas.Classification.NOT_POOR,
                        vn.povertyreview.schemas.Classification.POOR).at(0, 1),
                aDisagreementOf(2025, "HH-38-000003").place("38", null, "15274", "15274-TK1", Area.RURAL).at(0, 2),
                aDisagreementOf(2024, "HH-38-000004").at(0, 3)), Map.of());
        ReportQueries queries = new ReportQueries(jdbi);

        List<DisagreeingHousehold> village = queries.disagreements(2025, "15271-TK1", "VILLAGE", 100);

        assertThat(village).extracting(DisagreeingHousehold::householdId).containsExactly("HH-38-000001", "HH-38-000002");
        assertThat(village.get(0).reviewer()).isEqualTo(Classification.NOT_POOR);
        assertThat(village.get(0).standard()).isEqualTo(Classification.POOR);
        assertThat(queries.disagreements(2025, "15271", "COMMUNE", 100)).hasSize(2);
        assertThat(queries.disagreements(2025, "38", "PROVINCE", 100)).hasSize(3);
        assertThat(queries.disagreements(2025, "VN", "NATION", 2)).as("at most the limit").hasSize(2);
    }

    @Test
    void openAlertsAreThoseWhoseTargetIsStillAtRiskOrMissedNewestFirst() {
        // 15271's target is at risk now (the setup); 38's has recovered to on track since its alert.
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                aStatusOf(2025, "38").status(TargetStatusKind.ON_TRACK, "7.0", "60.00").revision(2).at(1, 3),
                TargetGapAlertBuilder.anAlertOf(2025, "15271").raisedAt(Instant.parse("2025-11-03T02:00:00Z")).at(2, 0),
                TargetGapAlertBuilder.anAlertOf(2025, "15271").status(TargetStatusKind.MISSED, TargetStatusKind.AT_RISK)
                        .raisedAt(Instant.parse("2025-11-04T02:00:00Z")).at(2, 1),
                TargetGapAlertBuilder.anAlertOf(2025, "38").at(2, 2)), Map.of());
        ReportQueries queries = new ReportQueries(jdbi);

        List<OpenAlert> open = queries.openAlerts(100);

        assertThat(open).extracting(OpenAlert::unitCode).containsExactly("15271", "15271");
        assertThat(open).extracting(OpenAlert::status).containsExactly("MISSED", "AT_RISK");
        assertThat(queries.openAlerts(1)).hasSize(1);
        assertThat(queries.alert(open.get(0).alertId())).contains(open.get(0));
        assertThat(queries.alert("no-such-alert")).isEmpty();
    }

    @Test
    void aUnitWithoutFiguresThatYearHasNoReport() {
        assertThat(new ReportQueries(jdbi).load(2025, "15274")).isEmpty();
    }

    @Test
    void theTotalRowIsTheSumOfTheRowsAndTheCommunesOwnFiguresFollowWithANote() {
        ReportTable poverty = table("poverty");

        assertThat(poverty.lines()).extracting(ReportLine::kind).containsExactly(
                ReportLine.Kind.UNIT, ReportLine.Kind.UNIT, ReportLine.Kind.TOTAL, ReportLine.Kind.OWN, ReportLine.Kind.NOTE);
        // Households, poor, poverty rate, near-poor, near-poverty rate.
        assertThat(poverty.lines().get(2).values().subList(2, 7)).containsExactly(
                new Count(700), new Count(35), rate("5.00"), new Count(36), rate("5.14"));
        // The commune itself: 36 of 715, 5.0349…%, rounded once.
        assertThat(poverty.lines().get(3).values().subList(2, 7)).containsExactly(
                new Count(715), new Count(36), rate("5.03"), new Count(36), rate("5.03"));
        assertThat(((ReportValue.Text) poverty.lines().get(4).values().get(0)).text())
                .contains("Xã Hà Trung").contains("Tổng số hộ / Total households 715 ≠ 700").contains("not assigned to a village");
    }

    @Test
    void theProgressComparesTheReviewedWithThePreviousYearOrTheCountAnAdminSet() {
        ReportTable progress = table("review-progress");

        // Reviewed, expected, share.
        assertThat(progress.lines().get(0).values().subList(2, 5)).containsExactly(new Count(400), new Count(420), rate("95.24"));
        assertThat(progress.lines().get(1).values().subList(2, 5)).containsExactly(new Count(300), new Count(320), rate("93.75"));
        assertThat(progress.lines().get(2).kind()).isEqualTo(ReportLine.Kind.TOTAL);
        assertThat(progress.lines().get(2).values().subList(2, 5)).containsExactly(new Count(700), new Count(740), rate("94.59"));
        assertThat(progress.lines().get(3).values().subList(2, 5)).containsExactly(new Count(715), new Count(800), rate("89.38"));
    }

    @Test
    void theTargetsShowRatesComputedFromTheirCounts() {
        ReportTable targets = table("targets");

        assertThat(targets.lines()).hasSize(2);
        // Baseline 120 of 1,250 households; now 94 of 1,253 (7.5019…%).
        assertThat(targets.lines().get(0).values().get(7)).isEqualTo(rate("9.60"));
        assertThat(targets.lines().get(0).values().get(10)).isEqualTo(rate("7.50"));
    }

    @Test
    void aVillageIsItsOwnOnlyRowAndItsTotal() {
        ReportTable poverty = ReportTables.of(new ReportQueries(jdbi).load(2025, "15271-TK1").orElseThrow()).get(0);

        assertThat(poverty.lines()).extracting(ReportLine::kind).containsExactly(ReportLine.Kind.UNIT, ReportLine.Kind.TOTAL);
        assertThat(poverty.lines().get(1).values().subList(2, 7)).isEqualTo(poverty.lines().get(0).values().subList(2, 7));
    }

    private ReportTable table(String key) {
        return ReportTables.of(new ReportQueries(jdbi).load(2025, "15271").orElseThrow()).stream()
                .filter(table -> table.key().equals(key)).findFirst().orElseThrow();
    }

    private static Rate rate(String percent) {
        return new Rate(new BigDecimal(percent));
    }
}
