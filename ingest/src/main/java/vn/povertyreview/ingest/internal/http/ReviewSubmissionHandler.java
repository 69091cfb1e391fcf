package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.kafka.SubmissionRecords;

/**
 * {@code POST /api/v1/reviews}: reads an upload record by record, judges each, and writes the
 * accepted reviews and the rejected records in one Kafka transaction before answering, so the
 * answer is true: 202/422 means every listed record is stored, 503 means none is. The
 * submission's audit event is in the same transaction: stored with the records, or not at all.
 *
 * <p>The body is streamed; what is kept per record is its serialized form and, if rejected, its
 * errors. Columns and properties that are no review field (personal data among them) are dropped
 * by the body readers and only named in the answer. A producer is borrowed only after the whole body has been read, so a slow upload never
 * holds a transaction open. Thread-safe.
 */
public final class ReviewSubmissionHandler implements Handler {

    private final Access access;
    private final UploadJudge upload;
    private final SubmissionRecords records;
    private final ProducerPool producers;
    private final IngestMetrics metrics;
    private final AuditRecords audit;

    ReviewSubmissionHandler(Access access, UploadJudge upload, SubmissionRecords records, ProducerPool producers,
            IngestMetrics metrics, AuditRecords audit) {
        this.access = access;
        this.upload = upload;
        this.records = records;
        this.producers = producers;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = access.writer(ctx);
        String submissionId = UUID.randomUUID().toString();
        Submission submission = new Submission(submissionId, UploadJudge.formatOf(ctx));
        upload.judge(ctx, caller, submissionId, (record, judgement) -> submission.add(record, judgement, records));
        if (submission.size() == 0) {
            throw UploadJudge.noRecords();
        }
        List<OutgoingRecord> outgoing = new ArrayList<>(submission.outgoing());
        outgoing.add(audit.submission(Requests.actor(ctx, caller), submissionId, submission.accepted(),
                submission.rejections().size(), submission.rejectedByRule(), submission.communes(), submission.format().name()));
        producers.commit(outgoing);
        metrics.stored(submission);
        respond(ctx, submission);
    }

    private static void respond(Context ctx, Submission submission) {
        Language language = Requests.language(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        if (submission.accepted() == 0) {
            ApiProblem problem = new ApiProblem(422, "no-valid-record", new Message(
                    "Không bản ghi nào hợp lệ; các bản ghi bị từ chối đã được lưu kèm lý do.",
                    "No record is valid; the rejected records were stored with their reasons."));
            body.putAll(ProblemResponses.body(problem, language, Requests.id(ctx)));
        }
        body.put("submissionId", submission.submissionId());
        body.put("accepted", submission.accepted());
        body.put("rejected", submission.rejections().stream().map(r -> r.toJson(language)).toList());
        body.put("ignoredColumns", submission.ignoredColumns(language));
        ctx.status(submission.accepted() == 0 ? 422 : 202).json(body);
    }
}
