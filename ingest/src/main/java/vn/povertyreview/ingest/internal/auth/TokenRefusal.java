package vn.povertyreview.ingest.internal.auth;

import java.time.Instant;
import java.util.Optional;
import vn.povertyreview.schemas.ReviewerToken;

/** Why a request's bearer token proves no one, each with the rule name the client is told. */
public enum TokenRefusal {
    /** No {@code Authorization: Bearer <token>} header. */
    MISSING("token.missing"),
    /** A token no instance ever issued (or mistyped). */
    UNKNOWN("token.unknown"),
    /** A reviewer token an admin revoked. */
    REVOKED("token.revoked"),
    /** A reviewer token past its {@code expiresAt}. */
    EXPIRED("token.expired"),
    /** An admin token replaced by a rotation. */
    ROTATED("token.rotated");

    private final String rule;

    TokenRefusal(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** Why a known reviewer token is refused at {@code now}: revoked, expired, or not at all. */
    public static Optional<TokenRefusal> of(ReviewerToken token, Instant now) {
        if (token.getRevoked()) {
            return Optional.of(REVOKED);
        }
        if (token.getExpiresAt() != null && !now.isBefore(token.getExpiresAt())) {
            return Optional.of(EXPIRED);
        }
        return Optional.empty();
    }
}
