package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.RuleViolation;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.UnitRollup;

class RollupTopologyTest {

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

    /** Asserts total, poor and near-poor households of one unit. */
    private void assertCounts(int year, String unitCode, long total, long poor, long nearPoor) {
        UnitRollup rollup = pipeline.rollup(year, unitCode);
        assertThat(rollup).as("rollup of %s in %d", unitCode, year).isNotNull();
        assertThat(new long[] {rollup.getTotalHouseholds(), rollup.getPoorHouseholds(), rollup.getNearPoorHouseholds()})
                .as("total, poor, near-poor of %s in %d", unitCode, year)
                .containsExactly(total, poor, nearPoor);
    }

    @Test
    void countsAReviewAtEveryLevelOfAThreeLevelYear() {
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor());
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("15271-TK2").nearPoor());
        pipeline.submit(aReview().household("HH-3").year(2024).inVillage("15304-T3").notPoor());
        Map<String, UnitRollup> rollups = pipeline.settle();

        assertThat(rollups.keySet()).filteredOn(key -> key.startsWith("2024/")).containsExactlyInAnyOrder("2024/15271-TK1", "2024/15271-TK2", "2024/15304-T3", "2024/15271",
                "2024/15304", "2024/392", "2024/38", "2024/VN");
        assertCounts(2024, "15271-TK1", 1, 1, 0);
        assertCounts(2024, "15271-TK2", 1, 0, 1);
        assertCounts(2024, "15304-T3", 1, 0, 0);
        assertCounts(2024, "15271", 2, 1, 1);
        assertCounts(2024, "15304", 1, 0, 0);
        assertCounts(2024, "392", 3, 1, 1);
        assertCounts(2024, "38", 3, 1, 1);
        assertCounts(2024, "VN", 3, 1, 1);
        UnitRollup district = pipeline.rollup(2024, "392");
        assertThat(district.getUnitName()).isEqualTo("Huyện Hà Trung");
        assertThat(district.getLevel()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(district.getParentCode()).isEqualTo("38");
        assertThat(district.getMapId()).isEqualTo("2025-03-01");
        assertThat(district.getPoorRate()).isEqualByComparingTo(new BigDecimal("33.3333"));
        assertThat(district.getNearPoorRate()).isEqualByComparingTo(new BigDecimal("33.3333"));
    }

    @Test
    void rollsCommunesStraightUpToTheProvinceFrom2025() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor());
        pipeline.settle();

        assertCounts(2025, "15271-TK1", 1, 1, 0);
        assertCounts(2025, "15271", 1, 1, 0);
        assertCounts(2025, "38", 1, 1, 0);
        assertCounts(2025, "VN", 1, 1, 0);
        assertThat(pipeline.rollup(2025, "15271").getParentCode()).isEqualTo("38");
        assertThat(pipeline.rollup(2025, "15271").getUnitName()).isEqualTo("Xã Hà Trung");
        assertThat(pipeline.settle().keySet()).noneMatch(key -> key.equals("2025/392"));
        assertThat(pipeline.settle().keySet()).filteredOn(key -> key.startsWith("2025/")).hasSize(4);
    }

    @Test
    void keepsYearsApart() {
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor());
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").notPoor());
        pipeline.settle();

        assertCounts(2024, "15271", 1, 1, 0);
        assertThat(pipeline.rollup(2024, "15271").getUnitName()).isEqualTo("Thị trấn Hà Trung");
        assertCounts(2025, "15271", 1, 0, 0);
        assertThat(pipeline.rollup(2025, "15271").getUnitName()).isEqualTo("Xã Hà Trung");
    }

    @Test
    void countsHouseholdOnceWhenReviewedTwiceAndTheLaterReviewWins() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor().reviewedAt("2025-10-01T00:00:00Z"));
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage("15271-TK1").poor().reviewedAt("2025-10-01T00:00:00Z"));
        pipeline.settle();
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").nearPoor().reviewedAt("2025-11-01T00:00:00Z"));
        pipeline.settle();

        for (String unit : new String[] {"15271-TK1", "15271", "38", "VN"}) {
            assertCounts(2025, unit, 2, 1, 1);
        }
    }

    @Test
    void countsTheSameRecordDeliveredTwiceOnce() {
        HouseholdReview review = pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor());
        pipeline.settle();
        long revision = pipeline.rollup(2024, "15271").getRevision();
        pipeline.send("2024/HH-1", review);
        pipeline.settle();

        for (String unit : new String[] {"15271-TK1", "15271", "392", "38", "VN"}) {
            assertCounts(2024, unit, 1, 1, 0);
        }
        assertThat(pipeline.rollup(2024, "15271").getRevision()).as("a duplicate changes nothing").isEqualTo(revision);
    }

    @Test
    void ignoresAnOlderReviewArrivingAfterANewerOne() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").notPoor().reviewedAt("2025-11-20T00:00:00Z"));
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK2").poor().reviewedAt("2025-10-01T00:00:00Z"));
        pipeline.settle();

        assertCounts(2025, "15271-TK1", 1, 0, 0);
        assertThat(pipeline.rollup(2025, "15271-TK2")).as("the older review's village is never counted").isNull();
        assertCounts(2025, "15271", 1, 0, 0);
        assertCounts(2025, "38", 1, 0, 0);
        assertCounts(2025, "VN", 1, 0, 0);
    }

    @Test
    void settlesEqualReviewTimesByReviewIdWhateverTheArrivalOrder() {
        for (boolean greaterFirst : new boolean[] {true, false}) {
            String household = greaterFirst ? "HH-A" : "HH-B";
            var poor = aReview().household(household).year(2025).inVillage("15271-TK1").poor()
                    .reviewedAt("2025-10-01T00:00:00Z").reviewId(household + "-b");
            var notPoor = aReview().household(household).year(2025).inVillage("15271-TK1").notPoor()
                    .reviewedAt("2025-10-01T00:00:00Z").reviewId(household + "-a");
            pipeline.submit(greaterFirst ? poor : notPoor);
            pipeline.submit(greaterFirst ? notPoor : poor);
        }
        pipeline.settle();

        assertCounts(2025, "15271-TK1", 2, 2, 0);
        assertCounts(2025, "VN", 2, 2, 0);
    }

    @Test
    void movesAHouseholdToItsNewVillageCommuneDistrictAndProvince() {
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor().reviewedAt("2024-10-01T00:00:00Z"));
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("15271-TK1").nearPoor().reviewedAt("2024-10-01T00:00:00Z"));
        pipeline.settle();
        // HH-1 moves within the commune; HH-2 moves to Phường Phúc Xá, Quận Ba Đình, Hà Nội.
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK2").poor().reviewedAt("2024-11-01T00:00:00Z"));
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("00001-TDP5").nearPoor().reviewedAt("2024-11-01T00:00:00Z"));
        pipeline.settle();

        assertCounts(2024, "15271-TK1", 0, 0, 0);
        assertCounts(2024, "15271-TK2", 1, 1, 0);
        assertCounts(2024, "15271", 1, 1, 0);
        assertCounts(2024, "392", 1, 1, 0);
        assertCounts(2024, "38", 1, 1, 0);
        assertCounts(2024, "00001-TDP5", 1, 0, 1);
        assertCounts(2024, "00001", 1, 0, 1);
        assertCounts(2024, "001", 1, 0, 1);
        assertCounts(2024, "01", 1, 0, 1);
        assertCounts(2024, "VN", 2, 1, 1);
        assertThat(pipeline.rollup(2024, "15271-TK1").getPoorRate()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void takesAWithdrawnReviewOutOfEveryLevel() {
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor());
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("15271-TK1").notPoor());
        pipeline.settle();
        pipeline.withdraw(2024, "HH-1", "15271");
        pipeline.settle();

        for (String unit : new String[] {"15271-TK1", "15271", "392", "38", "VN"}) {
            assertCounts(2024, unit, 1, 0, 0);
        }
        assertThat(pipeline.rejected()).isEmpty();
    }

    @Test
    void keepsAWithdrawnReviewOutWhenItArrivesAgainButCountsALaterReview() {
        HouseholdReview first = pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor()
                .reviewedAt("2025-10-01T00:00:00Z"));
        pipeline.withdraw(2025, "HH-1");
        pipeline.send("2025/HH-1", first);
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor().reviewedAt("2025-09-01T00:00:00Z"));
        pipeline.settle();
        assertThat(pipeline.rollup(2025, "VN")).as("nothing counted, so nothing published").isNull();

        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").nearPoor().reviewedAt("2025-12-01T00:00:00Z"));
        pipeline.settle();
        assertCounts(2025, "15271", 1, 0, 1);
        assertCounts(2025, "VN", 1, 0, 1);
    }

    @Test
    void refusesAWithdrawalStatedForAnotherCommune() {
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15271-TK1").poor());
        pipeline.settle();
        pipeline.withdraw(2024, "HH-1", "15304");
        pipeline.settle();

        assertCounts(2024, "15271", 1, 1, 0);
        RejectedReview rejected = pipeline.rejected().get(0);
        assertThat(rejected.getHouseholdId()).isEqualTo("HH-1");
        assertThat(rejected.getViolations()).extracting(RuleViolation::getRule).containsExactly("withdrawal.wrongCommune");
        assertThat(rejected.getViolations().get(0).getMessageEn()).contains("belongs to commune 15271");
    }

    @Test
    void publishesNothingUntilTheFlushIntervalPassesAndFoldsChangesOfOneInterval() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor());
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage("15271-TK1").poor());
        assertThat(pipeline.emittedWithoutFlush()).isEmpty();
        pipeline.settle();

        assertCounts(2025, "15271", 2, 2, 0);
        assertThat(pipeline.rollup(2025, "15271").getRevision()).as("two households, one update").isEqualTo(1);
    }

    @Test
    void stampsEachRollupWithTheTimeOfItsLatestRecordAndAGrowingRevision() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor());
        pipeline.settle();
        Instant first = pipeline.rollup(2025, "VN").getUpdatedAt();
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage("15271-TK1").poor());
        pipeline.settle();

        assertThat(pipeline.rollup(2025, "VN").getRevision()).isEqualTo(2);
        assertThat(pipeline.rollup(2025, "VN").getUpdatedAt()).isAfter(first);
    }

    @Test
    void countsNothingOfARecordThatBreaksARuleAndSaysWhichRule() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").statedAs("38", "392").poor());
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("15304-T1").statedAs("38", "380").poor());
        pipeline.submit(aReview().household("HH-3").year(2025).inVillage("15304-T1").statedAs("38", null).poor());
        pipeline.send("2025/HH-OTHER", aReview().household("HH-4").year(2025).inVillage("15271-TK1").buildAvro());
        pipeline.send("HH-5", aReview().household("HH-5").year(2025).inVillage("15271-TK1").buildAvro());
        pipeline.settle();

        assertThat(pipeline.settle()).isEmpty();
        assertThat(pipeline.rejected())
                .extracting(r -> r.getViolations().get(0).getRule())
                .containsExactly("districtCode.abolished", "communeCode.wrongParent", "communeCode.unknown",
                        "key.mismatch", "key.format");
    }

    @Test
    void skipsAnUnreadableRecordAndGoesOnCounting() {
        pipeline.sendBytes("2025/HH-9", "not avro at all".getBytes(StandardCharsets.UTF_8));
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor());
        pipeline.settle();

        assertCounts(2025, "15271-TK1", 1, 1, 0);
        assertCounts(2025, "VN", 1, 1, 0);
    }

    @Test
    void republishesAVillageUnderItsRegisteredNameInEveryYearOfItsMap() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage("15271-TK1").poor());
        pipeline.submit(aReview().household("HH-2").year(2024).inVillage("15271-TK1").poor());
        pipeline.settle();
        assertThat(pipeline.rollup(2025, "15271-TK1").getUnitName()).as("named by its code until registered").isEqualTo("TK1");
        long revision = pipeline.rollup(2025, "15271-TK1").getRevision();

        pipeline.nameVillage("2025-07-01", "15271-TK1", "Tiểu khu Tân Lập");
        pipeline.settle();

        UnitRollup renamed = pipeline.rollup(2025, "15271-TK1");
        assertThat(renamed.getUnitName()).isEqualTo("Tiểu khu Tân Lập");
        assertThat(renamed.getRevision()).isEqualTo(revision + 1);
        assertThat(renamed.getTotalHouseholds()).isEqualTo(1);
        assertThat(pipeline.rollup(2024, "15271-TK1").getUnitName()).as("another map's village of the same code").isEqualTo("TK1");
    }

    @Test
    void givesAVillageNamedBeforeItsFirstReviewItsNameWithoutPublishingAnEmptyRollup() {
        pipeline.nameVillage("2025-07-01", "15271-TK9", "Thôn Đông Hưng");
        pipeline.settle();
        assertThat(pipeline.rollup(2025, "15271-TK9")).isNull();

        pipeline.submit(aReview().household("HH-1").year(2026).inVillage("15271-TK9").nearPoor());
        pipeline.settle();

        assertThat(pipeline.rollup(2026, "15271-TK9").getUnitName()).isEqualTo("Thôn Đông Hưng");
        assertThat(pipeline.rollup(2026, "15271-TK9").getRevision()).isEqualTo(1);
    }

    @Test
    void ignoresANameForAVillageOfACommuneNotInTheMap() {
        pipeline.nameVillage("2025-07-01", "15304-T1", "Thôn Cũ");
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage("15304-T1").poor());
        pipeline.settle();

        assertThat(pipeline.rollup(2024, "15304-T1").getUnitName()).isEqualTo("T1");
    }
}
