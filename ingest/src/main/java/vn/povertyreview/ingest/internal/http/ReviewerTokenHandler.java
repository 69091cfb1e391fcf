package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenHashes;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.text.ControlCharacters;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;
import vn.povertyreview.schemas.Topic;

/**
 * {@code POST /api/v1/reviewers} (admin): creates a reviewer token for some communes. The secret
 * is returned once, in this response, and stored nowhere: the reviewer-tokens topic keeps only its
 * SHA-256. The token works on this instance as soon as the response is sent, and on every other
 * instance once it has read the topic record. Thread-safe.
 */
public final class ReviewerTokenHandler implements Handler {

    static final int MAX_COMMUNES = 1_000;
    static final int MAX_LABEL_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("communeCodes", "label");

    private final Access access;
    private final JsonBodies bodies;
    private final AdminMaps maps;
    private final Topic<String, ReviewerToken> reviewerTokens;
    private final ReviewerTokens tokens;
    private final ProducerPool producers;
    private final Clock clock;

    public ReviewerTokenHandler(Access access, JsonBodies bodies, AdminMaps maps, Topic<String, ReviewerToken> reviewerTokens,
            ReviewerTokens tokens, ProducerPool producers, Clock clock) {
        this.access = access;
        this.bodies = bodies;
        this.maps = maps;
        this.reviewerTokens = reviewerTokens;
        this.tokens = tokens;
        this.producers = producers;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        access.admin(ctx);
        ObjectNode body = bodies.object(ctx, FIELDS);
        List<RuleViolation> violations = new ArrayList<>();
        List<String> communeCodes = communeCodes(body.get("communeCodes"), violations);
        String label = label(body.get("label"), violations);
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

        String secret = TokenHashes.newSecret();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReviewerToken token = ReviewerToken.newBuilder()
                .setTokenId(UUID.randomUUID().toString())
                .setSha256(TokenHashes.sha256Hex(secret))
                .setRole(AccessRole.REVIEWER)
                .setCommuneCodes(communeCodes)
                .setLabel(label)
                .setCreatedAt(createdAt)
                .setRevoked(false)
                .build();
        producers.commit(List.of(OutgoingRecord.of(reviewerTokens, token.getTokenId(), token)));
        // Known here at once, without waiting for the follower to read it back.
        tokens.apply(token.getTokenId(), token);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("tokenId", token.getTokenId());
        response.put("token", secret);
        response.put("role", token.getRole().name());
        response.put("communeCodes", communeCodes);
        response.put("label", label);
        response.put("createdAt", createdAt.toString());
        // The secret is shown once; no cache or proxy may keep a copy.
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(response);
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
