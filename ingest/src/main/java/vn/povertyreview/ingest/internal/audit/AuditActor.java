package vn.povertyreview.ingest.internal.audit;

import java.util.Objects;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.schemas.AuditClient;

/**
 * Who made a change, as the audit trail records it: the caller its token proves, how the request
 * came (the {@code ./poverty} commands declare themselves, {@link #CLIENT_HEADER}), and the
 * request's id in ingest's log. Immutable.
 */
public record AuditActor(Caller caller, AuditClient client, String requestId) {

    /**
     * The request header by which a client says what it is; {@code cli} for the {@code ./poverty}
     * commands. Declared, not proven: the token is what proves who acted.
     */
    public static final String CLIENT_HEADER = "X-Poverty-Client";

    public AuditActor {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(client, "client");
    }

    /** The client a request's {@link #CLIENT_HEADER} names: CLI for {@code cli}, API for anything else or nothing. */
    public static AuditClient clientOf(String headerValue) {
        return headerValue != null && headerValue.strip().equalsIgnoreCase("cli") ? AuditClient.CLI : AuditClient.API;
    }
}
