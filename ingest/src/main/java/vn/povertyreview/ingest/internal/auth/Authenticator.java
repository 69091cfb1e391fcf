package vn.povertyreview.ingest.internal.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Tells who presents a bearer token: the admin (whose token is configured only as its SHA-256) or
 * a reviewer whose token is on the reviewer-tokens topic. Never logs or keeps a presented token.
 * Thread-safe.
 */
public final class Authenticator {

    private final String adminSha256Hex;
    private final ReviewerTokens reviewerTokens;

    public Authenticator(String adminSha256Hex, ReviewerTokens reviewerTokens) {
        this.adminSha256Hex = adminSha256Hex;
        this.reviewerTokens = reviewerTokens;
    }

    /** The caller of an {@code Authorization} header value, or empty when it proves no one. */
    public Optional<Caller> identify(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        if (token == null) {
            return Optional.empty();
        }
        String hash = TokenHashes.sha256Hex(token);
        if (TokenHashes.sameDigest(hash, adminSha256Hex)) {
            return Optional.of(Caller.admin());
        }
        return reviewerTokens.findByHash(hash)
                .map(t -> new Caller(t.getTokenId(), t.getRole(), Set.copyOf(t.getCommuneCodes())));
    }

    private static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
