package vn.povertyreview.ingest.internal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.schemas.AccessRole;

class RecordJudgeTest {

    private static final ReviewRules RULES = new ReviewRules(AdminMaps.official());
    private static final Instant NOW = Instant.parse("2025-11-20T03:00:00Z");
    private static final RecordJudge JUDGE = new RecordJudge(RULES, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Caller HA_TRUNG = new Caller("token-1", AccessRole.REVIEWER, Set.of("15271"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsACsvRowWrittenTheWaySpreadsheetsWriteIt() {
        ObjectNode row = validRow();
        row.put("incomePerCapitaMonthlyVnd", "1.400.000");
        row.put("deprivations", "NUTRITION; sanitation;TELECOM");
        row.put("ethnicMinority", "1");
        row.put("area", "rural");

        Judgement judgement = JUDGE.judge(csv(row), HA_TRUNG, "upload-1");

        assertThat(judgement.violations()).isEmpty();
        assertThat(judgement.review().incomePerCapitaMonthlyVnd()).isEqualTo(1_400_000L);
        assertThat(judgement.review().deprivations()).containsExactly(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM);
        assertThat(judgement.review().ethnicMinority()).isTrue();
        assertThat(judgement.review().submittedBy()).isEqualTo("token-1");
    }

    @Test
    void allowsAFewMinutesOfClockSkewButNoMore() {
        ObjectNode slightlyAhead = validRow().put("reviewedAt", NOW.plusSeconds(120).toString());
        ObjectNode tomorrow = validRow().put("reviewedAt", NOW.plusSeconds(86_400).toString());

        assertThat(JUDGE.judge(csv(slightlyAhead), HA_TRUNG, "u").violations()).isEmpty();
        assertThat(JUDGE.judge(csv(tomorrow), HA_TRUNG, "u").violations()).extracting(RuleViolation::rule)
                .containsExactly("reviewedAt.future");
    }

    @Test
    void readsAReviewTimeWithAnOffsetAsTheSameInstant() {
        ObjectNode hanoiTime = validRow().put("reviewedAt", "2025-10-15T09:00:00+07:00");

        assertThat(JUDGE.judge(csv(hanoiTime), HA_TRUNG, "u").review().reviewedAt()).isEqualTo(Instant.parse("2025-10-15T02:00:00Z"));
    }

    @Test
    void reportsAMissingYearOnceAndNotAgainAsOutOfRange() {
        ObjectNode row = validRow();
        row.remove("reviewYear");

        assertThat(JUDGE.judge(csv(row), HA_TRUNG, "u").violations()).extracting(RuleViolation::rule)
                .containsExactly("reviewYear.required");
    }

    @Test
    void insistsOnJsonStringsForCodesSoLeadingZerosSurvive() {
        ObjectNode record = validRow();
        record.put("reviewYear", 2025).put("members", 4).put("incomePerCapitaMonthlyVnd", 1_400_000L).put("provinceCode", 38);
        record.putArray("deprivations");

        assertThat(JUDGE.judge(json(record), HA_TRUNG, "u").violations()).extracting(RuleViolation::rule)
                .containsExactly("provinceCode.type");
    }

    @Test
    void doesNotCallAnUnknownCommuneAlsoNotPermitted() {
        ObjectNode row = validRow().put("communeCode", "99999");

        assertThat(JUDGE.judge(csv(row), HA_TRUNG, "u").violations()).extracting(RuleViolation::rule)
                .containsExactly("communeCode.unknown");
    }

    @Test
    void derivesTheSameReviewIdWhateverTheOrderOfIndicatorsOrTheOffsetOfTheTime() {
        ObjectNode one = validRow().put("deprivations", "NUTRITION;TELECOM").put("reviewedAt", "2025-10-15T09:00:00+07:00");
        ObjectNode same = validRow().put("deprivations", "TELECOM;NUTRITION").put("reviewedAt", "2025-10-15T02:00:00Z");
        ObjectNode other = validRow().put("deprivations", "TELECOM").put("reviewedAt", "2025-10-15T02:00:00Z");

        String id = JUDGE.judge(csv(one), HA_TRUNG, "a").review().reviewId();

        assertThat(JUDGE.judge(csv(same), Caller.admin(), "b").review().reviewId()).isEqualTo(id);
        assertThat(JUDGE.judge(csv(other), HA_TRUNG, "a").review().reviewId()).isNotEqualTo(id);
    }

    @Test
    void readsAgricultureForestryFisheryLikeTheOtherFlagsAndLeavesItFalseWhenAbsent() {
        assertThat(JUDGE.judge(csv(validRow()), HA_TRUNG, "u").review().agricultureForestryFishery()).isFalse();
        assertThat(JUDGE.judge(csv(validRow().put("agricultureForestryFishery", "1")), HA_TRUNG, "u").review()
                .agricultureForestryFishery()).isTrue();
        assertThat(JUDGE.judge(csv(validRow().put("agricultureForestryFishery", " TRUE ")), HA_TRUNG, "u").review()
                .agricultureForestryFishery()).isTrue();
        ObjectNode record = jsonRecord().put("agricultureForestryFishery", true);
        Judgement judgement = JUDGE.judge(json(record), HA_TRUNG, "u");
        assertThat(judgement.violations()).isEmpty();
        assertThat(judgement.review().agricultureForestryFishery()).isTrue();
    }

    @Test
    void wantsAJsonBooleanForAgricultureForestryFisheryAsForTheOtherFlags() {
        ObjectNode record = jsonRecord().put("agricultureForestryFishery", "true").put("ethnicMinority", "true");

        assertThat(JUDGE.judge(json(record), HA_TRUNG, "u").violations())
                .extracting(RuleViolation::field, RuleViolation::rule)
                .containsExactlyInAnyOrder(tuple("agricultureForestryFishery", "agricultureForestryFishery.type"),
                        tuple("ethnicMinority", "ethnicMinority.type"));
    }

    @Test
    void keepsTheDerivedIdOfARecordWithoutAgricultureForestryFisheryAndGivesOneWithItAnother() {
        // The id this record was given before the field existed: resending it must still be a duplicate.
        String before = "e6363f11-2c6f-3469-96de-b928ff9444d0";

        assertThat(JUDGE.judge(csv(validRow()), HA_TRUNG, "u").review().reviewId()).isEqualTo(before);
        assertThat(JUDGE.judge(csv(validRow().put("agricultureForestryFishery", "false")), HA_TRUNG, "u").review().reviewId())
                .isEqualTo(before);
        assertThat(JUDGE.judge(csv(validRow().put("agricultureForestryFishery", "true")), HA_TRUNG, "u").review().reviewId())
                .isNotEqualTo(before);
    }

    private static ObjectNode jsonRecord() {
        ObjectNode record = validRow();
        record.put("reviewYear", 2025).put("members", 4).put("incomePerCapitaMonthlyVnd", 1_400_000L);
        record.putArray("deprivations").add("NUTRITION");
        return record;
    }

    private static ObjectNode validRow() {
        ObjectNode row = JSON.createObjectNode();
        row.put("householdId", "HH-1");
        row.put("reviewYear", "2025");
        row.put("reviewedAt", "2025-10-15T02:00:00Z");
        row.put("provinceCode", "38");
        row.put("communeCode", "15271");
        row.put("villageCode", "TK1");
        row.put("area", "RURAL");
        row.put("members", "4");
        row.put("incomePerCapitaMonthlyVnd", "1400000");
        row.put("deprivations", "NUTRITION;SANITATION;TELECOM");
        row.put("classification", "POOR");
        return row;
    }

    private static SubmittedRecord csv(ObjectNode row) {
        return new SubmittedRecord(0, 2, row, true, null, List.of(), null);
    }

    private static SubmittedRecord json(ObjectNode record) {
        return new SubmittedRecord(0, 1, record, false, null, List.of(), null);
    }
}
