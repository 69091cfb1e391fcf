package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.BodyFormat;
import vn.povertyreview.ingest.internal.body.BodyTooLargeException;
import vn.povertyreview.ingest.internal.body.CsvRecordSource;
import vn.povertyreview.ingest.internal.body.JsonRecordSource;
import vn.povertyreview.ingest.internal.body.LimitedInputStream;
import vn.povertyreview.ingest.internal.body.NdjsonRecordSource;
import vn.povertyreview.ingest.internal.body.RecordSource;
import vn.povertyreview.ingest.internal.body.XlsxRecordSource;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.kafka.SubmissionRecords;
import vn.povertyreview.ingest.internal.review.Judgement;
import vn.povertyreview.ingest.internal.review.RecordJudge;

/**
 * {@code POST /api/v1/reviews}: reads an upload record by record, judges each, and writes the
 * accepted reviews and the rejected records in one Kafka transaction before answering, so the
 * answer is true: 202/422 means every listed record is stored, 503 means none is.
 *
 * <p>The body is streamed; what is kept per record is its serialized form and, if rejected, its
 * errors. Columns and properties that are no review field (personal data among them) are dropped
 * by the body readers and only named in the answer. A producer is borrowed only after the whole body has been read, so a slow upload never
 * holds a transaction open. Thread-safe.
 */
public final class ReviewSubmissionHandler implements Handler {

    /** The query parameter naming the sheet of an XLSX upload to read; the first sheet without it. */
    static final String SHEET = "sheet";

    private final Access access;
    private final RecordJudge judge;
    private final SubmissionRecords records;
    private final ProducerPool producers;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final int maxRecords;

    public ReviewSubmissionHandler(Access access, RecordJudge judge, SubmissionRecords records, ProducerPool producers,
            ObjectMapper json, long maxBodyBytes, int maxRecords) {
        this.access = access;
        this.judge = judge;
        this.records = records;
        this.producers = producers;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRecords = maxRecords;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = access.caller(ctx);
        BodyFormat format = formatOf(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        InputStream request = ctx.req().getInputStream();
        if (declared > maxBodyBytes) {
            throw bodyTooLarge();
        }
        String submissionId = UUID.randomUUID().toString();
        Submission submission = new Submission(submissionId, format);
        // Not closed here: the container owns the request's stream, and a refusal still reads its rest (UnreadBody).
        try {
            InputStream body = new LimitedInputStream(request, maxBodyBytes);
            RecordSource source = open(format, body, ctx.queryParam(SHEET));
            source.forEach(record -> {
                if (record.index() >= maxRecords) {
                    throw tooManyRecords();
                }
                Judgement judgement = judge.judge(record, caller, submissionId);
                submission.add(record, judgement, records);
            });
        } catch (BodyTooLargeException e) {
            throw bodyTooLarge();
        } catch (IOException e) {
            // The client stopped sending (a dropped connection, a cancelled upload): its fault, not ours.
            throw ApiProblem.badRequest("body-incomplete", new Message(
                    "Không đọc hết được nội dung gửi lên (kết nối bị ngắt?); không bản ghi nào được ghi nhận.",
                    "The body could not be read to its end (connection dropped?); nothing was recorded."));
        }
        if (submission.size() == 0) {
            throw ApiProblem.badRequest("no-records", new Message(
                    "Nội dung gửi lên không có bản ghi nào.", "The body contains no record."));
        }
        producers.commit(submission.outgoing());
        respond(ctx, submission);
    }

    private RecordSource open(BodyFormat format, InputStream body, String sheet) throws IOException {
        return switch (format) {
            case JSON -> new JsonRecordSource(json, body);
            case NDJSON -> new NdjsonRecordSource(json, body);
            case CSV -> new CsvRecordSource(json, body);
            case XLSX -> new XlsxRecordSource(json, body, sheet);
        };
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

    private static BodyFormat formatOf(String contentType) {
        String shown = contentType == null ? "" : contentType;
        BodyFormat format = BodyFormat.of(contentType).orElseThrow(() -> new ApiProblem(415, "unsupported-media-type",
                new Message(
                        "Kiểu nội dung '" + shown + "' không được hỗ trợ; hãy gửi application/json, application/x-ndjson, text/csv (UTF-8) hoặc sổ tính Excel " + BodyFormat.XLSX.mediaType() + ".",
                        "Content type '" + shown + "' is not supported; send application/json, application/x-ndjson, text/csv (UTF-8) or an Excel workbook " + BodyFormat.XLSX.mediaType() + "."))
                .with("supportedMediaTypes", Arrays.stream(BodyFormat.values()).map(BodyFormat::mediaType).toList()));
        String charset = BodyFormat.charsetOf(contentType);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ApiProblem(415, "unsupported-charset", new Message(
                    "Chỉ nhận nội dung mã hóa UTF-8, không nhận " + charset + ".",
                    "Only UTF-8 content is accepted, not " + charset + "."));
        }
        return format;
    }

    private ApiProblem bodyTooLarge() {
        return new ApiProblem(413, "body-too-large", new Message(
                "Nội dung gửi lên vượt quá " + maxBodyBytes + " byte; hãy chia thành nhiều lần gửi.",
                "The body exceeds " + maxBodyBytes + " bytes; split it into several uploads."))
                .with("maxBodyBytes", maxBodyBytes);
    }

    private ApiProblem tooManyRecords() {
        return new ApiProblem(413, "too-many-records", new Message(
                "Một lần gửi không được quá " + maxRecords + " bản ghi; hãy chia thành nhiều lần gửi.",
                "One upload may hold at most " + maxRecords + " records; split it into several uploads."))
                .with("maxRecords", maxRecords);
    }
}
