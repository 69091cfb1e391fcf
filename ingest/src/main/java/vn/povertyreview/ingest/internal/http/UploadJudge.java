package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.BiConsumer;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.BodyFormat;
import vn.povertyreview.ingest.internal.body.BodyTooLargeException;
import vn.povertyreview.ingest.internal.body.CsvRecordSource;
import vn.povertyreview.ingest.internal.body.JsonRecordSource;
import vn.povertyreview.ingest.internal.body.LimitedInputStream;
import vn.povertyreview.ingest.internal.body.NdjsonRecordSource;
import vn.povertyreview.ingest.internal.body.RecordSource;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.ingest.internal.body.XlsxRecordSource;
import vn.povertyreview.ingest.internal.review.Judgement;
import vn.povertyreview.ingest.internal.review.RecordJudge;

/**
 * Reads a review upload in any of its formats, record by record, judging each as it comes: the one
 * reading of an upload, shared by submitting it and by asking for the workbook of its rejected
 * rows, so that both judge a body alike. The body is streamed and bounded by its size and its
 * number of records. Thread-safe.
 */
final class UploadJudge {

    /** The query parameter naming the sheet of an XLSX upload to read; the first sheet without it. */
    static final String SHEET = "sheet";

    private final RecordJudge judge;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final int maxRecords;

    UploadJudge(RecordJudge judge, ObjectMapper json, long maxBodyBytes, int maxRecords) {
        this.judge = judge;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRecords = maxRecords;
    }

    /**
     * Reads the request's body and hands every record with its judgement to {@code each}, in the
     * order of the body.
     *
     * @throws ApiProblem for a body of an unsupported type, too large, incomplete or unreadable
     */
    void judge(Context ctx, Caller caller, String submissionId, BiConsumer<SubmittedRecord, Judgement> each) throws IOException {
        BodyFormat format = formatOf(ctx);
        long declared = ctx.req().getContentLengthLong();
        InputStream request = ctx.req().getInputStream();
        if (declared > maxBodyBytes) {
            throw bodyTooLarge();
        }
        // Not closed here: the container owns the request's stream, and a refusal still reads its rest (UnreadBody).
        try {
            InputStream body = new LimitedInputStream(request, maxBodyBytes);
            open(format, body, ctx.queryParam(SHEET)).forEach(record -> {
                if (record.index() >= maxRecords) {
                    throw tooManyRecords();
                }
                each.accept(record, judge.judge(record, caller, submissionId));
            });
        } catch (BodyTooLargeException e) {
            throw bodyTooLarge();
        } catch (IOException e) {
            // The client stopped sending (a dropped connection, a cancelled upload): its fault, not ours.
            throw ApiProblem.badRequest("body-incomplete", new Message(
                    "Không đọc hết được nội dung gửi lên (kết nối bị ngắt?); không bản ghi nào được ghi nhận.",
                    "The body could not be read to its end (connection dropped?); nothing was recorded."));
        }
    }

    static ApiProblem noRecords() {
        return ApiProblem.badRequest("no-records", new Message(
                "Nội dung gửi lên không có bản ghi nào.", "The body contains no record."));
    }

    /** The format of the request's body, or 415 for a type or charset that is not read. */
    static BodyFormat formatOf(Context ctx) {
        String contentType = ctx.header("Content-Type");
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

    private RecordSource open(BodyFormat format, InputStream body, String sheet) throws IOException {
        return switch (format) {
            case JSON -> new JsonRecordSource(json, body);
            case NDJSON -> new NdjsonRecordSource(json, body);
            case CSV -> new CsvRecordSource(json, body);
            case XLSX -> new XlsxRecordSource(json, body, sheet);
        };
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
