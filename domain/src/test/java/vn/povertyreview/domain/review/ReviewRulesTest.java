package vn.povertyreview.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.admin.AdminMaps;

class ReviewRulesTest {

    private static final ReviewRules RULES = new ReviewRules(AdminMaps.official());

    private static Review review(int year, String province, String district, String commune, String village) {
        return new Review("r-1", "s-1", "reviewer-1", "HH-0001", year, Instant.parse(year + "-11-15T08:00:00Z"),
                province, district, commune, village, Area.RURAL, 4, 1_200_000L,
                Set.of(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM),
                Classification.POOR, true, false, false, false, false);
    }

    @Test
    void placesAThreeLevelReviewInItsVillageCommuneDistrictAndProvince() {
        ReviewVerdict verdict = RULES.judge(review(2024, "38", "392", "15271", "TK1"));
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.place().unitCodes()).containsExactly("15271-TK1", "15271", "392", "38", "VN");
    }

    @Test
    void placesATwoLevelReviewWithoutDistrict() {
        ReviewVerdict verdict = RULES.judge(review(2025, "38", null, "15271", "TK1"));
        assertThat(verdict.place().unitCodes()).containsExactly("15271-TK1", "15271", "38", "VN");
    }

    @Test
    void refusesADistrictFrom2025On() {
        assertThat(RULES.judge(review(2025, "38", "392", "15271", "TK1")).violations())
                .extracting(RuleViolation::rule).containsExactly("districtCode.abolished");
    }

    @Test
    void requiresADistrictBefore2025() {
        assertThat(RULES.judge(review(2024, "38", null, "15271", "TK1")).violations())
                .extracting(RuleViolation::rule).containsExactly("districtCode.required");
    }

    @Test
    void refusesACommuneThatIsNotInTheStatedDistrict() {
        // 15304 Xã Hà Ngọc is in Hà Trung district (392); 380 is another district of Thanh Hóa.
        ReviewVerdict verdict = RULES.judge(review(2024, "38", "380", "15304", "TK1"));
        assertThat(verdict.isCountable()).isFalse();
        assertThat(verdict.violations()).extracting(RuleViolation::rule).contains("communeCode.wrongParent");
    }

    @Test
    void refusesADistrictThatIsNotInTheStatedProvince() {
        assertThat(RULES.judge(review(2024, "01", "392", "15271", "TK1")).violations())
                .extracting(RuleViolation::rule).contains("districtCode.wrongParent");
    }

    @Test
    void refusesACommuneThatNoLongerExistsAfterTheMergers() {
        // 15304 Xã Hà Ngọc was merged into Xã Hà Trung on 1 July 2025.
        RuleViolation violation = RULES.judge(review(2025, "38", null, "15304", "TK1")).violations().get(0);
        assertThat(violation.rule()).isEqualTo("communeCode.unknown");
        assertThat(violation.messageVi()).contains("15304").contains("2025");
        assertThat(violation.messageEn()).contains("no commune with code 15304");
    }

    @Test
    void refusesACommuneOfAnotherProvinceInATwoLevelYear() {
        assertThat(RULES.judge(review(2025, "01", null, "15271", "TK1")).violations())
                .extracting(RuleViolation::rule).containsExactly("communeCode.wrongParent");
    }

    @Test
    void refusesYearsOutsideTheStandardsAndNamesEveryOtherBrokenRule() {
        Review bad = new Review("", null, null, "Nguyễn Văn A", 2019, null, "38", null, "15271", "thôn 1",
                null, 0, -5L, Set.of(), null, false, false, false, false, false);
        assertThat(RULES.judge(bad).violations()).extracting(RuleViolation::rule).containsExactlyInAnyOrder(
                "reviewId.required", "householdId.format", "reviewYear.range", "reviewedAt.required",
                "area.required", "classification.required", "members.range", "income.range");
    }

    @Test
    void aReviewIdHasTheSamePlainFormAsAHouseholdId() {
        for (String bad : new String[] {"review 1", "Đợt-1", "r/1", "-r1", "r".repeat(65), "r\u00001"}) {
            Review review = new Review(bad, null, null, "HH-1", 2025, Instant.parse("2025-11-03T02:00:00Z"), "38", null,
                    "15271", "TK1", Area.URBAN, 2, null, Set.of(), Classification.NOT_POOR, false, false, false, false, false);
            assertThat(RULES.judge(review).violations()).as(bad).extracting(RuleViolation::rule)
                    .containsExactly("reviewId.format");
        }
        Review plain = new Review("R-2025_11.03", null, null, "HH-1", 2025, Instant.parse("2025-11-03T02:00:00Z"), "38", null,
                "15271", "TK1", Area.URBAN, 2, null, Set.of(), Classification.NOT_POOR, false, false, false, false, false);
        assertThat(RULES.judge(plain).violations()).isEmpty();
    }

    @Test
    void refusesAReviewTimeBeforeTheReviewYear() {
        Review early = new Review("r-1", null, null, "HH-1", 2025, Instant.parse("2024-12-31T23:00:00Z"), "38", null,
                "15271", "TK1", Area.URBAN, 2, null, Set.of(), Classification.NOT_POOR, false, false, false, false, false);
        assertThat(RULES.judge(early).violations()).extracting(RuleViolation::rule)
                .containsExactly("reviewedAt.beforeReviewYear");
    }

    @Test
    void laterReviewWinsAndEqualTimesAreSettledByReviewId() {
        ReviewOrder a = new ReviewOrder(1_000, "b");
        assertThat(new ReviewOrder(2_000, "a").isAfter(a)).isTrue();
        assertThat(new ReviewOrder(1_000, "c").isAfter(a)).isTrue();
        assertThat(new ReviewOrder(1_000, "a").isAfter(a)).isFalse();
        assertThat(new ReviewOrder(1_000, "b").isAfter(a)).isFalse();
    }
}
