package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.BodyFormat;
import vn.povertyreview.ingest.internal.workbook.RejectedRowsWorkbook;

/**
 * {@code POST /api/v1/reviews/rejected.xlsx}: takes the same body as {@code POST /api/v1/reviews}
 * and judges it the same way, but stores nothing; it answers with the workbook of the rows that
 * would be rejected ({@link RejectedRowsWorkbook}), to fix and upload again. Stateless, so that no
 * upload has to be kept on the server for a later download. Thread-safe.
 */
public final class RejectedRowsHandler implements Handler {

    /** How many rows the workbook holds, for a client that wants to know without opening it. */
    static final String REJECTED_ROWS_HEADER = "X-Rejected-Rows";

    private final Access access;
    private final UploadJudge upload;

    RejectedRowsHandler(Access access, UploadJudge upload) {
        this.access = access;
        this.upload = upload;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = access.writer(ctx);
        RejectedRowsWorkbook rejected = new RejectedRowsWorkbook();
        AtomicInteger records = new AtomicInteger();
        upload.judge(ctx, caller, UUID.randomUUID().toString(), (record, judgement) -> {
            records.incrementAndGet();
            if (!judgement.isAccepted()) {
                rejected.add(record, judgement.violations());
            }
        });
        if (records.get() == 0) {
            throw UploadJudge.noRecords();
        }
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        rejected.write(workbook, Requests.language(ctx));
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + RejectedRowsWorkbook.FILE_NAME + "\"")
                .header(REJECTED_ROWS_HEADER, Integer.toString(rejected.size()))
                .contentType(BodyFormat.XLSX.mediaType())
                .result(workbook.toByteArray());
    }
}
