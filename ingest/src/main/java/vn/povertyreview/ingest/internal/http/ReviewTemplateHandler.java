package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.body.BodyFormat;
import vn.povertyreview.ingest.internal.workbook.ReviewTemplate;

/**
 * {@code GET /api/v1/templates/reviews.xlsx}: the workbook reviewers fill in, listing the communes
 * of the caller's token. Not cached anywhere: it says which communes a token may act for.
 * Thread-safe.
 */
public final class ReviewTemplateHandler implements Handler {

    private final Access access;
    private final ReviewTemplate template;

    public ReviewTemplateHandler(Access access, ReviewTemplate template) {
        this.access = access;
        this.template = template;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = access.writer(ctx);
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        template.write(caller, workbook);
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + ReviewTemplate.FILE_NAME + "\"")
                .contentType(BodyFormat.XLSX.mediaType())
                .result(workbook.toByteArray());
    }
}
