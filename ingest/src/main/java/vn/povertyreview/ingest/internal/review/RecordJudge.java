package vn.povertyreview.ingest.internal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.review.ReviewVerdict;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;

/**
 * Judges one submitted record, in this order: the shape and type of its fields, then the domain's
 * {@link ReviewRules} (the one place where the rules of a countable review live), then what only
 * ingest can know: that the review time is not in the future, and that the caller may submit for
 * the household's commune. Every problem is reported at once, so a reviewer corrects a row once.
 *
 * <p>Thread-safe.
 */
public final class RecordJudge {

    /** Allows for reviewers' devices whose clocks run a little fast. */
    static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    private final RecordDecoder decoder = new RecordDecoder();
    private final ReviewRules rules;
    private final Clock clock;

    public RecordJudge(ReviewRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public Judgement judge(SubmittedRecord record, Caller caller, String submissionId) {
        DecodedRecord decoded = decoder.decode(record);
        ReviewValues v = decoded.values();
        String reviewId = v.reviewId() != null ? v.reviewId() : ReviewIds.derive(v);
        Review review = new Review(reviewId, submissionId, caller.tokenId(), v.householdId(),
                Objects.requireNonNullElse(v.reviewYear(), 0), v.reviewedAt(), v.provinceCode(), v.districtCode(),
                v.communeCode(), v.villageCode(), v.area(), Objects.requireNonNullElse(v.members(), 0),
                v.incomePerCapitaMonthlyVnd(), v.deprivations(), v.classification(), v.ethnicMinority(),
                v.meritFamily(), v.socialProtection(), v.noLaborCapacity(),
                v.agricultureForestryFishery());

        if (record.shapeProblem() != null) {
            // Without its fields in place, anything else said about the record would be noise.
            return new Judgement(review, List.of(record.shapeProblem()));
        }
        List<RuleViolation> violations = new ArrayList<>();
        violations.addAll(decoded.violations());
        ReviewVerdict verdict = rules.judge(review);
        for (RuleViolation violation : verdict.violations()) {
            // A field already reported as unreadable would otherwise be reported again as missing.
            if (!decoded.brokenFields().contains(violation.field())) {
                violations.add(violation);
            }
        }
        checkNotInFuture(review.reviewedAt(), violations);
        checkPermitted(caller, review.communeCode(), violations);
        return new Judgement(review, violations);
    }

    private void checkNotInFuture(Instant reviewedAt, List<RuleViolation> violations) {
        if (reviewedAt != null && reviewedAt.isAfter(clock.instant().plus(CLOCK_SKEW_TOLERANCE))) {
            violations.add(new RuleViolation(ReviewFields.REVIEWED_AT, "reviewedAt.future",
                    "Thời điểm rà soát " + reviewedAt + " ở tương lai: hãy kiểm tra ngày giờ đã nhập.",
                    "The review time " + reviewedAt + " is in the future: check the date and time entered."));
        }
    }

    private static void checkPermitted(Caller caller, String communeCode, List<RuleViolation> violations) {
        if (communeCode == null || caller.mayActFor(communeCode)) {
            return;
        }
        boolean communeAlreadyWrong = violations.stream().anyMatch(v -> v.field().equals(ReviewFields.COMMUNE_CODE));
        if (!communeAlreadyWrong) {
            violations.add(new RuleViolation(ReviewFields.COMMUNE_CODE, "communeCode.notPermitted",
                    "Tài khoản này không được gửi kết quả rà soát của xã " + communeCode + ".",
                    "This account may not submit reviews for commune " + communeCode + "."));
        }
    }
}
