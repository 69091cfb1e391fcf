package vn.povertyreview.ingest.internal.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * The reviewer tokens this instance knows, as read from the compacted reviewer-tokens topic: by
 * token id (the topic's key) and by hash (how a request finds its token). Thread-safe: written by
 * the topic follower and by the token handler, read by every request.
 */
public final class ReviewerTokens {

    private final Map<String, ReviewerToken> byTokenId = new ConcurrentHashMap<>();
    private final Map<String, ReviewerToken> byHash = new ConcurrentHashMap<>();

    /** Applies one record of the topic: a token, or a tombstone (null) that deletes it. */
    public synchronized void apply(String tokenId, ReviewerToken token) {
        ReviewerToken previous = token == null || token.getRevoked()
                ? byTokenId.remove(tokenId)
                : byTokenId.put(tokenId, token);
        if (previous != null) {
            byHash.remove(previous.getSha256());
        }
        if (token != null && !token.getRevoked()) {
            byHash.put(token.getSha256(), token);
        }
    }

    /**
     * The live token whose secret hashes to {@code sha256Hex}. The map lookup itself cannot leak
     * anything useful by its timing: it is keyed by the hash of a 256-bit secret, which an
     * attacker cannot steer; the final comparison is constant-time all the same.
     */
    public Optional<ReviewerToken> findByHash(String sha256Hex) {
        ReviewerToken token = byHash.get(sha256Hex);
        if (token == null || !TokenHashes.sameDigest(token.getSha256(), sha256Hex)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public int size() {
        return byTokenId.size();
    }
}
