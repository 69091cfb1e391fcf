package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.ingest.AdminTokenKeeper;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Authenticator;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenHashes;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.schemas.ReviewerToken;
import vn.povertyreview.schemas.Topic;

/**
 * {@code POST /api/v1/admin-token/rotate} (admin): replaces the admin token by a new one, without
 * a restart. The new secret is answered once and stored nowhere but where the launcher keeps it
 * ({@link AdminTokenKeeper}); the reviewer-tokens topic gets its hash under the key
 * {@link Caller#ADMIN_TOKEN_ID}, with the hashes of the tokens it retires, so that every instance
 * accepts the new token and refuses the old ones ({@code token.rotated}) once it has read the
 * record, and this one at once. The rotation's audit event is written in the same transaction.
 * Thread-safe.
 */
public final class AdminTokenHandler {

    /** Tells an admin token from a reviewer's at a glance, like the embedded run's first one. */
    static final String PREFIX = "adm_";
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenHandler.class);

    private final Access access;
    private final Authenticator authenticator;
    private final Topic<String, ReviewerToken> reviewerTokens;
    private final ReviewerTokens tokens;
    private final ProducerPool producers;
    private final AdminTokenKeeper keeper;
    private final AuditRecords audit;
    private final Clock clock;

    public AdminTokenHandler(Access access, Authenticator authenticator, Topic<String, ReviewerToken> reviewerTokens,
            ReviewerTokens tokens, ProducerPool producers, AdminTokenKeeper keeper, AuditRecords audit, Clock clock) {
        this.access = access;
        this.authenticator = authenticator;
        this.reviewerTokens = reviewerTokens;
        this.tokens = tokens;
        this.producers = producers;
        this.keeper = keeper;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /api/v1/admin-token/rotate}. */
    public void rotate(Context ctx) {
        Caller caller = access.admin(ctx);
        String secret = PREFIX + TokenHashes.newSecret();
        ReviewerToken rotation;
        // One rotation at a time here, so that each retires the one before it.
        synchronized (this) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            rotation = authenticator.rotation(TokenHashes.sha256Hex(secret), now);
            producers.commit(List.of(OutgoingRecord.of(reviewerTokens, Caller.ADMIN_TOKEN_ID, rotation),
                    audit.adminTokenRotated(Requests.actor(ctx, caller), rotation)));
            tokens.apply(Caller.ADMIN_TOKEN_ID, rotation);
        }
        try {
            keeper.keep(secret);
        } catch (RuntimeException e) {
            LOG.warn("Request {}: the admin token was rotated, but the launcher could not keep the new one: {}",
                    Requests.id(ctx), e.toString());
        }
        LOG.info("Request {}: the admin token was rotated; {} earlier admin tokens are refused from now on",
                Requests.id(ctx), rotation.getRetiredSha256s().size());

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("tokenId", Caller.ADMIN_TOKEN_ID);
        response.put("token", secret);
        response.put("role", rotation.getRole().name());
        response.put("createdAt", rotation.getCreatedAt().toString());
        // The secret is shown once; no cache or proxy may keep a copy.
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(response);
    }
}
