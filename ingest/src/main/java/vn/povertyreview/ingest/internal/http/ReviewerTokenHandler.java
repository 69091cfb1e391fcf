package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenHashes;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.text.ControlCharacters;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;
import vn.povertyreview.schemas.Topic;

/**
 * The reviewer and viewer tokens, all for the admin only:
 * <ul>
 *   <li>{@code POST /api/v1/viewers}: creates a read-only viewer token for some provinces and/or
 *       communes, returned once like a reviewer's.
 *   <li>{@code POST /api/v1/reviewers}: creates a reviewer token for some communes, optionally
 *       expiring at {@code expiresAt}. The secret is returned once, in this response, and stored
 *       nowhere: the reviewer-tokens topic keeps only its SHA-256.
 *   <li>{@code GET /api/v1/reviewers}: lists every token, the admin's first, with its scope, when
 *       it was created, last used, expires or was revoked; never a secret or its hash.
 *   <li>{@code DELETE /api/v1/reviewers/{tokenId}}: revokes a reviewer or viewer token for good; 404 for an
 *       unknown id, and revoking it again answers the same.
 * </ul>
 * A change works on this instance as soon as the response is sent, and on every other instance
 * once it has read the topic record, within a second or so. Creating and revoking have their audit
 * event, in the same transaction as the token's record. Thread-safe.
 */
public final class ReviewerTokenHandler {

    static final int MAX_COMMUNES = 1_000;
    static final int MAX_LABEL_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("communeCodes", "label", "expiresAt");
    private static final Set<String> VIEWER_FIELDS = Set.of("provinceCodes", "communeCodes", "label", "expiresAt");

    private final Access access;
    private final JsonBodies bodies;
    private final AdminMaps maps;
    private final Topic<String, ReviewerToken> reviewerTokens;
    private final ReviewerTokens tokens;
    private final ProducerPool producers;
    private final TokenListing listing;
    private final AuditRecords audit;
    private final Clock clock;

    public ReviewerTokenHandler(Access access, JsonBodies bodies, AdminMaps maps, Topic<String, ReviewerToken> reviewerTokens,
            ReviewerTokens tokens, ProducerPool producers, TokenListing listing, AuditRecords audit, Clock clock) {
        this.access = access;
        this.bodies = bodies;
        this.maps = maps;
        this.reviewerTokens = reviewerTokens;
        this.tokens = tokens;
        this.producers = producers;
        this.listing = listing;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code GET /api/v1/reviewers}. */
    public void list(Context ctx) {
        access.admin(ctx);
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(listing.admin());
        for (ReviewerToken token : tokens.reviewers()) {
            entries.add(listing.of(token));
        }
        ctx.json(Map.of("tokens", entries));
    }

    /** {@code DELETE /api/v1/reviewers/{tokenId}}. */
    public void revoke(Context ctx) {
        Caller caller = access.admin(ctx);
        String tokenId = ctx.pathParam("tokenId");
        if (tokenId.equals(Caller.ADMIN_TOKEN_ID)) {
            throw new ApiProblem(409, "admin-token-not-revocable", new Message(
                    "Không thu hồi được mã quản trị; hãy đổi mã bằng POST /api/v1/admin-token/rotate.",
                    "The admin token cannot be revoked; rotate it with POST /api/v1/admin-token/rotate."))
                    .with("rule", "tokenId.admin");
        }
        ReviewerToken token = tokens.byId(tokenId).orElseThrow(() -> new ApiProblem(404, "token-not-found", new Message(
                "Không có mã truy cập nào có mã định danh này (tokenId).", "There is no token with this tokenId."))
                .with("rule", "tokenId.unknown"));
        if (!token.getRevoked()) {
            token = ReviewerToken.newBuilder(token)
                    .setRevoked(true)
                    .setRevokedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .build();
            producers.commit(List.of(OutgoingRecord.of(reviewerTokens, tokenId, token),
                    audit.tokenRevoked(Requests.actor(ctx, caller), token)));
            // Refused here at once, without waiting for the follower to read it back.
            tokens.apply(tokenId, token);
        }
        ctx.json(listing.of(token));
    }

    /** {@code POST /api/v1/reviewers}. */
    public void create(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        ObjectNode body = bodies.object(ctx, FIELDS);
        List<RuleViolation> violations = new ArrayList<>();
        List<String> communeCodes = communeCodes(body.get("communeCodes"), violations);
        String label = label(body.get("label"), violations);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = expiresAt(body.get("expiresAt"), createdAt, violations);
        if (!violations.isEmpty()) {
            throw FieldErrors.invalidRequest(violations, Requests.language(ctx));
        }
        List<String> unknown = communeCodes.stream().filter(code -> !isCommune(code)).toList();
        if (!unknown.isEmpty()) {
            throw FieldErrors.invalidRequest(List.of(new RuleViolation("communeCodes", "communeCodes.unknown",
                    "Các mã xã không có trong danh mục hành chính: " + String.join(", ", unknown) + ".",
                    "These commune codes are in no administrative map: " + String.join(", ", unknown) + ".")),
                    Requests.language(ctx)).with("unknownCommuneCodes", unknown);
        }

        ReviewerToken.Builder token = ReviewerToken.newBuilder()
                .setRole(AccessRole.REVIEWER)
                .setCommuneCodes(communeCodes);
        issue(ctx, caller, token, label, createdAt, expiresAt);
    }

    /**
     * {@code POST /api/v1/viewers}: creates a read-only viewer token for some provinces and/or
     * communes and every unit under them. It reads the dashboard and the reports of that subtree and
     * nothing else; it never submits, withdraws or administers.
     */
    public void createViewer(Context ctx) throws IOException {
        Caller caller = access.admin(ctx);
        ObjectNode body = bodies.object(ctx, VIEWER_FIELDS);
        List<RuleViolation> violations = new ArrayList<>();
        List<String> provinceCodes = codes(body.get("provinceCodes"), "provinceCodes", violations);
        List<String> communeCodes = codes(body.get("communeCodes"), "communeCodes", violations);
        if (violations.isEmpty() && provinceCodes.isEmpty() && communeCodes.isEmpty()) {
            violations.add(new RuleViolation("provinceCodes", "viewer.scope.required",
                    "Mã xem phải có ít nhất một tỉnh (provinceCodes) hoặc một xã (communeCodes).",
                    "A viewer token needs at least one province (provinceCodes) or commune (communeCodes)."));
        }
        String label = label(body.get("label"), violations);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = expiresAt(body.get("expiresAt"), createdAt, violations);
        if (!violations.isEmpty()) {
            throw FieldErrors.invalidRequest(violations, Requests.language(ctx));
        }
        List<String> unknown = Scope.viewerOf(provinceCodes, communeCodes).unknownUnits(maps);
        if (!unknown.isEmpty()) {
            throw FieldErrors.invalidRequest(List.of(new RuleViolation(provinceCodes.isEmpty() ? "communeCodes" : "provinceCodes",
                    "viewer.scope.unknown",
                    "Các đơn vị không có trong danh mục hành chính: " + String.join(", ", unknown) + ".",
                    "These units are in no administrative map: " + String.join(", ", unknown) + ".")),
                    Requests.language(ctx)).with("unknownUnits", unknown);
        }
        ReviewerToken.Builder token = ReviewerToken.newBuilder()
                .setRole(AccessRole.VIEWER)
                // Never in communeCodes: a reader that predates viewers would take them for communes to submit for.
                .setCommuneCodes(List.of())
                .setViewedProvinceCodes(provinceCodes)
                .setViewedCommuneCodes(communeCodes);
        issue(ctx, caller, token, label, createdAt, expiresAt);
    }

    /** Stores a new token with its audit event and answers its secret, shown this once. */
    private void issue(Context ctx, Caller caller, ReviewerToken.Builder builder, String label, Instant createdAt,
            Instant expiresAt) {
        String secret = TokenHashes.newSecret();
        ReviewerToken token = builder
                .setTokenId(UUID.randomUUID().toString())
                .setSha256(TokenHashes.sha256Hex(secret))
                .setLabel(label)
                .setCreatedAt(createdAt)
                .setRevoked(false)
                .setExpiresAt(expiresAt)
                .build();
        producers.commit(List.of(OutgoingRecord.of(reviewerTokens, token.getTokenId(), token),
                audit.tokenCreated(Requests.actor(ctx, caller), token)));
        // Known here at once, without waiting for the follower to read it back.
        tokens.apply(token.getTokenId(), token);

        Caller issued = Caller.of(token);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("tokenId", token.getTokenId());
        response.put("token", secret);
        response.put("role", token.getRole().name());
        response.put("scope", issued.scope().toString());
        if (token.getRole() == AccessRole.VIEWER) {
            response.put("provinceCodes", List.copyOf(issued.scope().provinceCodes()));
        }
        response.put("communeCodes", List.copyOf(issued.communeCodes()));
        response.put("label", label);
        response.put("createdAt", createdAt.toString());
        response.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        // The secret is shown once; no cache or proxy may keep a copy.
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(response);
    }

    /** Unit codes as an array of strings, each once; absent or null: none. */
    private static List<String> codes(JsonNode node, String field, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        boolean valid = node.isArray() && node.size() <= MAX_COMMUNES;
        if (valid) {
            for (JsonNode element : node) {
                if (!element.isTextual() || element.textValue().isBlank()) {
                    valid = false;
                    break;
                }
                codes.add(element.textValue().trim());
            }
        }
        if (!valid) {
            violations.add(new RuleViolation(field, field + ".format",
                    field + " phải là mảng tối đa " + MAX_COMMUNES + " mã đơn vị dạng chuỗi, ví dụ [\"38\"].",
                    field + " must be an array of at most " + MAX_COMMUNES + " unit codes as strings, e.g. [\"38\"]."));
            return List.of();
        }
        return List.copyOf(codes);
    }

    /** A reviewer may work on a review year of either map, so a code of either map is a commune. */
    private boolean isCommune(String code) {
        return maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR - 1).unit(UnitLevel.COMMUNE, code).isPresent()
                || maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR).unit(UnitLevel.COMMUNE, code).isPresent();
    }

    private static List<String> communeCodes(JsonNode node, List<RuleViolation> violations) {
        Set<String> codes = new LinkedHashSet<>();
        if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isTextual() || element.textValue().isBlank()) {
                    codes.clear();
                    break;
                }
                codes.add(element.textValue().trim());
            }
            if (!codes.isEmpty() && codes.size() <= MAX_COMMUNES) {
                return List.copyOf(codes);
            }
        }
        violations.add(new RuleViolation("communeCodes", "communeCodes.required",
                "Phải ghi từ 1 đến " + MAX_COMMUNES + " mã xã dạng chuỗi, ví dụ [\"15271\"].",
                "Give between 1 and " + MAX_COMMUNES + " commune codes as strings, e.g. [\"15271\"]."));
        return List.of();
    }

    /** An ISO-8601 time with its offset, after now; or none: the token does not expire. */
    private static Instant expiresAt(JsonNode node, Instant now, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        Instant expiresAt = null;
        if (node.isTextual()) {
            try {
                expiresAt = OffsetDateTime.parse(node.textValue().strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        if (expiresAt == null) {
            violations.add(new RuleViolation("expiresAt", "expiresAt.format",
                    "Hạn dùng phải là thời điểm ISO-8601 có múi giờ, ví dụ \"2026-12-31T23:59:59+07:00\".",
                    "expiresAt must be an ISO-8601 time with its offset, e.g. \"2026-12-31T23:59:59+07:00\"."));
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            violations.add(new RuleViolation("expiresAt", "expiresAt.past",
                    "Hạn dùng " + expiresAt + " đã qua; hãy ghi một thời điểm trong tương lai.",
                    "expiresAt " + expiresAt + " has passed; give a time in the future."));
            return null;
        }
        return expiresAt;
    }

    private static String label(JsonNode node, List<RuleViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().strip().length() > MAX_LABEL_LENGTH) {
            violations.add(new RuleViolation("label", "label.format",
                    "Nhãn phải là chuỗi tối đa " + MAX_LABEL_LENGTH + " ký tự (ghi đơn vị, không ghi tên người).",
                    "The label must be a string of at most " + MAX_LABEL_LENGTH + " characters (an office, never a person's name)."));
            return null;
        }
        String label = node.textValue().strip();
        Optional<RuleViolation> control = ControlCharacters.check("label", "nhãn", label);
        if (control.isPresent()) {
            violations.add(control.get());
            return null;
        }
        return label;
    }
}
