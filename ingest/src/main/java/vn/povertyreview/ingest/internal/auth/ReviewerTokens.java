package vn.povertyreview.ingest.internal.auth;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * Every token record this instance knows, as read from the compacted reviewer-tokens topic: live,
 * expired and revoked reviewer tokens (a revoked one is kept, so that it is refused as revoked
 * rather than as unknown, and listed), and the rotated admin token under the key
 * {@link Caller#ADMIN_TOKEN_ID}. Indexed by token id (the topic's key) and by hash (how a request
 * finds its token). Thread-safe: written by the topic follower and by the token handlers, read by
 * every request.
 */
public final class ReviewerTokens {

    private final Map<String, ReviewerToken> byTokenId = new ConcurrentHashMap<>();
    private final Map<String, ReviewerToken> byHash = new ConcurrentHashMap<>();

    /**
     * Applies one record of the topic: a token (revoked or not), or a tombstone (null) that deletes
     * it. An instance applies its own writes at once and reads them back later, possibly after an
     * older record of the same key; so a revocation is final (an unrevoked copy of a revoked token
     * is ignored) and an admin rotation never goes back to a token it retired.
     */
    public synchronized void apply(String tokenId, ReviewerToken token) {
        ReviewerToken current = byTokenId.get(tokenId);
        if (token != null && current != null && isOlder(token, current)) {
            return;
        }
        ReviewerToken previous = token == null ? byTokenId.remove(tokenId) : byTokenId.put(tokenId, token);
        if (previous != null) {
            byHash.remove(previous.getSha256(), previous);
        }
        if (token != null) {
            byHash.put(token.getSha256(), token);
        }
    }

    private static boolean isOlder(ReviewerToken incoming, ReviewerToken current) {
        if (current.getRevoked() && !incoming.getRevoked() && current.getSha256().equals(incoming.getSha256())) {
            return true;
        }
        return current.getRole() == AccessRole.ADMIN && current.getRetiredSha256s().contains(incoming.getSha256());
    }

    /**
     * The token, in whatever state, whose secret hashes to {@code sha256Hex}. The map lookup itself
     * cannot leak anything useful by its timing: it is keyed by the hash of a 256-bit secret, which
     * an attacker cannot steer; the final comparison is constant-time all the same.
     */
    public Optional<ReviewerToken> findByHash(String sha256Hex) {
        ReviewerToken token = byHash.get(sha256Hex);
        if (token == null || !TokenHashes.sameDigest(token.getSha256(), sha256Hex)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public Optional<ReviewerToken> byId(String tokenId) {
        return Optional.ofNullable(byTokenId.get(tokenId));
    }

    /** The admin token of the latest rotation, if the admin token was ever rotated. */
    public Optional<ReviewerToken> rotatedAdmin() {
        return byId(Caller.ADMIN_TOKEN_ID).filter(token -> token.getRole() == AccessRole.ADMIN);
    }

    /** Every reviewer token (not the admin's), oldest first, so that listings read the same every time. */
    public List<ReviewerToken> reviewers() {
        return byTokenId.values().stream()
                .filter(token -> token.getRole() != AccessRole.ADMIN)
                .sorted(Comparator.comparing(ReviewerToken::getCreatedAt).thenComparing(ReviewerToken::getTokenId))
                .toList();
    }

    public int size() {
        return byTokenId.size();
    }
}
