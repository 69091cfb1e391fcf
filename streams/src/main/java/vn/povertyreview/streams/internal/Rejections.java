package vn.povertyreview.streams.internal;

import java.time.Instant;
import java.util.List;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.RejectedReview;

/** Builds the rejected-review records the streams application writes, naming every broken rule. */
public final class Rejections {

    public static final String REJECTED_BY = "streams";

    private Rejections() {
    }

    public static RejectedReview of(Instant at, String householdId, Integer reviewYear, HouseholdReview review,
            List<RuleViolation> violations) {
        return RejectedReview.newBuilder()
                .setRejectedAt(at)
                .setRejectedBy(REJECTED_BY)
                .setHouseholdId(householdId)
                .setReviewYear(reviewYear)
                .setReviewId(review == null ? null : review.getReviewId())
                .setSubmissionId(review == null ? null : review.getSubmissionId())
                .setViolations(violations.stream()
                        .map(v -> new vn.povertyreview.schemas.RuleViolation(v.field(), v.rule(), v.messageVi(), v.messageEn()))
                        .toList())
                .setOriginal(review == null ? null : review.toString())
                .build();
    }

    static RuleViolation keyFormat(String key) {
        return new RuleViolation("key", "key.format",
                "Khóa bản ghi phải có dạng <năm rà soát>/<mã hộ>, nhận được '" + key + "'.",
                "The record key must read <reviewYear>/<householdId>, got '" + key + "'.");
    }

    static RuleViolation keyMismatch(String key, HouseholdReview review) {
        return new RuleViolation("key", "key.mismatch",
                "Khóa bản ghi " + key + " không khớp với năm rà soát và mã hộ trong bản ghi ("
                        + review.getReviewYear() + "/" + review.getHouseholdId() + ").",
                "The record key " + key + " does not match the review year and household id in the record ("
                        + review.getReviewYear() + "/" + review.getHouseholdId() + ").");
    }

    static RuleViolation withdrawalOutsideCommune(String statedCommune, String actualCommune) {
        return new RuleViolation("communeCode", "withdrawal.wrongCommune",
                "Không thể rút bản rà soát: hộ thuộc xã " + actualCommune + ", không phải xã " + statedCommune + " đã nêu.",
                "The review cannot be withdrawn: the household belongs to commune " + actualCommune
                        + ", not to the stated commune " + statedCommune + ".");
    }
}
