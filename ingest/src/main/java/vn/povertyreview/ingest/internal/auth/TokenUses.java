package vn.povertyreview.ingest.internal.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.povertyreview.schemas.ReviewerTokenUse;

/**
 * When each token was last accepted: by this instance (noted in memory on every accepted request,
 * without writing anything) and by every instance (as published on the reviewer-token-uses topic,
 * at most once per token and publishing interval by each instance). A token's last use is the later
 * of the two, so on this instance it is exact and from other instances it is at most one publishing
 * interval late. Thread-safe.
 */
public final class TokenUses {

    private final Map<String, Instant> here = new ConcurrentHashMap<>();
    private final Map<String, Instant> publishedHere = new ConcurrentHashMap<>();
    private final Map<String, Instant> everywhere = new ConcurrentHashMap<>();

    /** Notes that this instance accepted the token at {@code at}. */
    public void noteUse(String tokenId, Instant at) {
        here.merge(tokenId, at, TokenUses::later);
    }

    /** Applies one record of the uses topic (key {@code <tokenId>/<instanceId>}); a tombstone changes nothing. */
    public void apply(String key, ReviewerTokenUse use) {
        if (use != null) {
            everywhere.merge(use.getTokenId(), use.getLastUsedAt(), TokenUses::later);
        }
    }

    /** When the token was last accepted by any instance, as far as this one knows. */
    public Optional<Instant> lastUse(String tokenId) {
        Instant local = here.get(tokenId);
        Instant known = everywhere.get(tokenId);
        if (local == null || known == null) {
            return Optional.ofNullable(local == null ? known : local);
        }
        return Optional.of(later(local, known));
    }

    /** This instance's uses that are later than what it last published, by token id. */
    public Map<String, Instant> unpublished() {
        Map<String, Instant> due = new HashMap<>();
        here.forEach((tokenId, at) -> {
            Instant published = publishedHere.get(tokenId);
            if (published == null || at.isAfter(published)) {
                due.put(tokenId, at);
            }
        });
        return due;
    }

    /** Records that these uses are on the topic, so that they are not published again. */
    public void published(Map<String, Instant> uses) {
        uses.forEach((tokenId, at) -> publishedHere.merge(tokenId, at, TokenUses::later));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
