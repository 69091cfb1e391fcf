package vn.povertyreview.ingest.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * Tells who presents a bearer token: the admin, a reviewer or a viewer, or why the token proves no one
 * (missing, unknown, revoked, expired, or an admin token replaced by a rotation). Never logs or
 * keeps a presented token. Thread-safe.
 *
 * <p>The admin token is the configured one (its SHA-256 in the settings) until the first rotation.
 * A rotation puts the new token's hash on the reviewer-tokens topic under the key
 * {@link Caller#ADMIN_TOKEN_ID}, with the hashes it retired: the configured one and every earlier
 * rotated one. Every instance follows that topic, so from then on every instance accepts the
 * rotated token and refuses a retired one, whatever its own settings say. A configured hash that
 * no rotation retired (an operator who lost the rotated token configures a new one) is accepted
 * beside the rotated token, until the next rotation retires it too.
 */
public final class Authenticator {

    /** Most retired admin hashes an admin record keeps. */
    static final int MAX_RETIRED = 100;

    private final String configuredAdminSha256Hex;
    private final ReviewerTokens tokens;
    private final Clock clock;

    public Authenticator(String configuredAdminSha256Hex, ReviewerTokens tokens, Clock clock) {
        this.configuredAdminSha256Hex = configuredAdminSha256Hex;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What an {@code Authorization} header value proves. */
    public Identification identify(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        if (token == null) {
            return Identification.refused(TokenRefusal.MISSING);
        }
        String hash = TokenHashes.sha256Hex(token);
        Optional<ReviewerToken> rotated = tokens.rotatedAdmin();
        if (rotated.isPresent() && TokenHashes.sameDigest(hash, rotated.get().getSha256())) {
            return Identification.of(Caller.admin());
        }
        if (TokenHashes.sameDigest(hash, configuredAdminSha256Hex) && !configuredAdminRetired()) {
            return Identification.of(Caller.admin());
        }
        if (rotated.isPresent() && retires(rotated.get(), hash)) {
            return Identification.refused(TokenRefusal.ROTATED);
        }
        Optional<ReviewerToken> found = tokens.findByHash(hash).filter(t -> t.getRole() != AccessRole.ADMIN);
        if (found.isEmpty()) {
            return Identification.refused(TokenRefusal.UNKNOWN);
        }
        ReviewerToken reviewer = found.get();
        Optional<TokenRefusal> refusal = TokenRefusal.of(reviewer, clock.instant());
        if (refusal.isPresent()) {
            return Identification.refused(refusal.get());
        }
        return Identification.of(Caller.of(reviewer));
    }

    /** Whether a rotation has replaced the admin token configured on this instance. */
    public boolean configuredAdminRetired() {
        return tokens.rotatedAdmin().map(rotated -> retires(rotated, configuredAdminSha256Hex)).orElse(false);
    }

    /**
     * The admin record of a rotation to a token whose secret hashes to {@code newSha256Hex}: it
     * retires the configured token and every token of earlier rotations (the newest
     * {@value #MAX_RETIRED}, which bounds the record; older ones were already refused for long).
     */
    public ReviewerToken rotation(String newSha256Hex, Instant at) {
        Set<String> retired = new LinkedHashSet<>();
        Optional<ReviewerToken> current = tokens.rotatedAdmin();
        current.ifPresent(token -> retired.add(token.getSha256()));
        retired.add(configuredAdminSha256Hex);
        current.ifPresent(token -> retired.addAll(token.getRetiredSha256s()));
        retired.remove(newSha256Hex);
        return ReviewerToken.newBuilder()
                .setTokenId(Caller.ADMIN_TOKEN_ID)
                .setSha256(newSha256Hex)
                .setRole(AccessRole.ADMIN)
                .setCommuneCodes(List.of())
                .setLabel(null)
                .setCreatedAt(at)
                .setRevoked(false)
                .setRetiredSha256s(retired.stream().limit(MAX_RETIRED).toList())
                .build();
    }

    private static boolean retires(ReviewerToken rotated, String hash) {
        boolean retired = false;
        for (String old : rotated.getRetiredSha256s()) {
            // No early exit: the time taken does not tell which entry matched.
            retired |= TokenHashes.sameDigest(old, hash);
        }
        return retired;
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
