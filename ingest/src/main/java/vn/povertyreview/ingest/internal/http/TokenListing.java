package vn.povertyreview.ingest.internal.http;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenRefusal;
import vn.povertyreview.ingest.internal.auth.TokenUses;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * A token as the admin sees it in listings and answers: its id, label, role, scope, when it was
 * created, last used, expires or was revoked, and whether it works now. Never its secret, nor its
 * hash, which would let anyone who reads a listing test guesses offline. Thread-safe.
 */
final class TokenListing {

    /** Whether a token works now. */
    enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    private final ReviewerTokens tokens;
    private final TokenUses uses;
    private final Clock clock;

    TokenListing(ReviewerTokens tokens, TokenUses uses, Clock clock) {
        this.tokens = tokens;
        this.uses = uses;
        this.clock = clock;
    }

    /** The admin token: the configured one, or the latest rotation's. */
    Map<String, Object> admin() {
        Optional<ReviewerToken> rotated = tokens.rotatedAdmin();
        Caller admin = Caller.admin();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tokenId", admin.tokenId());
        entry.put("label", null);
        entry.put("role", admin.role().name());
        entry.put("scope", admin.scope().toString());
        entry.put("provinceCodes", List.of());
        entry.put("communeCodes", List.of());
        // A configured token was made outside the API: when is not known.
        entry.put("createdAt", rotated.map(token -> token.getCreatedAt().toString()).orElse(null));
        entry.put("lastUsedAt", lastUse(admin.tokenId()));
        entry.put("expiresAt", null);
        entry.put("revokedAt", null);
        entry.put("status", Status.ACTIVE.name());
        entry.put("source", rotated.isPresent() ? "rotated" : "configured");
        return entry;
    }

    Map<String, Object> of(ReviewerToken token) {
        Caller caller = Caller.of(token);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tokenId", token.getTokenId());
        entry.put("label", token.getLabel());
        entry.put("role", token.getRole().name());
        entry.put("scope", caller.scope().toString());
        entry.put("provinceCodes", List.copyOf(caller.scope().provinceCodes()));
        entry.put("communeCodes", List.copyOf(caller.communeCodes()));
        entry.put("createdAt", token.getCreatedAt().toString());
        entry.put("lastUsedAt", lastUse(token.getTokenId()));
        entry.put("expiresAt", text(token.getExpiresAt()));
        entry.put("revokedAt", text(token.getRevokedAt()));
        entry.put("status", status(token).name());
        return entry;
    }

    private Status status(ReviewerToken token) {
        return TokenRefusal.of(token, clock.instant())
                .map(refusal -> refusal == TokenRefusal.REVOKED ? Status.REVOKED : Status.EXPIRED)
                .orElse(Status.ACTIVE);
    }

    private String lastUse(String tokenId) {
        return uses.lastUse(tokenId).map(Instant::toString).orElse(null);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
