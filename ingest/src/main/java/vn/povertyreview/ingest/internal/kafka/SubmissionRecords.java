package vn.povertyreview.ingest.internal.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.Topics;

/**
 * The Kafka records that store one judged record of an upload: an accepted review goes to
 * household-reviews under its household key; a rejected record goes to household-reviews-rejected
 * with every rule it broke and the review fields it arrived with, so that it can be found and
 * corrected. Only review fields: a rejection never carries a personal-data or unknown column, since
 * the body readers never pass one on, and the topic keeps its records for 180 days.
 * Thread-safe.
 */
public final class SubmissionRecords {

    /** The service named as the rejecter, as the rejected-review contract asks. */
    public static final String REJECTED_BY = "ingest";
    /**
     * Longest original text kept with a rejection. A single record of a valid upload is a few
     * hundred bytes; keeping more would let one absurd record exceed Kafka's message size and fail
     * the whole upload.
     */
    static final int MAX_ORIGINAL_CHARS = 16 * 1024;
    /** Identifiers longer than this cannot be valid and are not copied into the rejection. */
    private static final int MAX_ID_CHARS = 128;

    private final Topics topics;
    private final Clock clock;

    public SubmissionRecords(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public OutgoingRecord accepted(Review review) {
        HouseholdKey key = new HouseholdKey(review.reviewYear(), review.householdId());
        return OutgoingRecord.ofHousehold(topics.householdReviews(), key, ReviewRecords.toAvro(review));
    }

    /**
     * @param violations what the record breaks, as the client is told it
     * @param csv        whether the record's line is a line of a CSV upload
     */
    public OutgoingRecord rejected(SubmittedRecord record, Review review, List<RuleViolation> violations, boolean csv) {
        String householdId = shortEnough(review.householdId());
        Integer reviewYear = review.reviewYear() == 0 ? null : review.reviewYear();
        List<vn.povertyreview.schemas.RuleViolation> stored = new ArrayList<>();
        for (RuleViolation v : violations) {
            stored.add(new vn.povertyreview.schemas.RuleViolation(v.field(), v.rule(), v.messageVi(), v.messageEn()));
        }
        RejectedReview rejected = RejectedReview.newBuilder()
                .setRejectedAt(clock.instant())
                .setRejectedBy(REJECTED_BY)
                .setHouseholdId(householdId)
                .setReviewYear(reviewYear)
                .setReviewId(shortEnough(review.reviewId()))
                .setSubmissionId(review.submissionId())
                .setRecordIndex(record.index())
                .setCsvLine(csv ? record.line() : null)
                .setViolations(stored)
                .setOriginal(record.fields().isEmpty() ? null : truncated(record.fields().toString()))
                .build();
        String key = householdId != null && reviewYear != null ? new HouseholdKey(reviewYear, householdId).toString() : null;
        return OutgoingRecord.of(topics.rejectedReviews(), key, rejected);
    }

    private static String shortEnough(String id) {
        return id == null || id.length() > MAX_ID_CHARS ? null : id;
    }

    private static String truncated(String original) {
        if (original == null || original.length() <= MAX_ORIGINAL_CHARS) {
            return original;
        }
        return original.substring(0, MAX_ORIGINAL_CHARS) + "…";
    }
}
