package vn.povertyreview.ingest.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.SubmissionRecords;
import vn.povertyreview.ingest.internal.review.Judgement;

/**
 * One upload being taken in: the Kafka records that will store it, and what the client is told
 * about each rejected record. Not thread-safe; belongs to one request.
 */
final class Submission {

    private final String submissionId;
    private final boolean csv;
    private final List<OutgoingRecord> outgoing = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private int accepted;

    Submission(String submissionId, boolean csv) {
        this.submissionId = submissionId;
        this.csv = csv;
    }

    void add(SubmittedRecord record, Judgement judgement, SubmissionRecords records) {
        if (judgement.isAccepted()) {
            outgoing.add(records.accepted(judgement.review()));
            accepted++;
        } else {
            outgoing.add(records.rejected(record, judgement, csv));
            rejections.add(new Rejection(record.index(), record.line(), judgement.review().householdId(),
                    judgement.violations()));
        }
    }

    String submissionId() {
        return submissionId;
    }

    int size() {
        return accepted + rejections.size();
    }

    int accepted() {
        return accepted;
    }

    List<Rejection> rejections() {
        return rejections;
    }

    List<OutgoingRecord> outgoing() {
        return outgoing;
    }

    /** A rejected record as the client sees it: where it was and what is wrong with it. */
    record Rejection(int index, Integer line, String householdId, List<RuleViolation> errors) {

        Map<String, Object> toJson(Language language) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("index", index);
            json.put("line", line);
            json.put("householdId", householdId);
            json.put("errors", FieldErrors.of(errors, language));
            return json;
        }
    }
}
