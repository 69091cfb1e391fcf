package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditActor;
import vn.povertyreview.ingest.internal.auth.Caller;

/** What every request carries besides its content: an id for the logs, and the client's language. */
public final class Requests {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID = "requestId";

    private Requests() {
    }

    /** Gives the request an id, returned in a header so a client's report can be matched to the logs. */
    public static void assignId(Context ctx) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    /**
     * Answers 400 {@code <name>.repeated} to a request that gives a query parameter more than once:
     * which of the values was meant cannot be known, and taking the first would act on a guess.
     */
    public static void refuseRepeatedQueryParameters(Context ctx) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (parameter.getValue().size() > 1) {
                String name = parameter.getKey();
                throw FieldErrors.invalidRequest(List.of(new RuleViolation(name, name + ".repeated",
                        "Tham số " + name + " được ghi " + parameter.getValue().size() + " lần; chỉ ghi một lần.",
                        "Query parameter " + name + " is given " + parameter.getValue().size() + " times; give it once.")),
                        language(ctx));
            }
        }
    }

    public static String id(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    /** Who makes the request's changes, for the audit trail. */
    public static AuditActor actor(Context ctx, Caller caller) {
        return new AuditActor(caller, AuditActor.clientOf(ctx.header(AuditActor.CLIENT_HEADER)), id(ctx));
    }

    public static Language language(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }
}
