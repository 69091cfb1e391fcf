package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.review.IdentifierChecks;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.Topic;

/**
 * {@code DELETE /api/v1/reviews/{reviewYear}/{householdId}?communeCode=...}: withdraws a
 * household's review of a year by writing a tombstone under its household key. The caller states
 * the household's commune, which must be one it may act for; the commune travels as a record
 * header, and the streams application removes the review only if it matches the household's
 * commune, so a reviewer cannot withdraw another commune's household by guessing its id. The
 * withdrawal's audit event is written in the same transaction. Thread-safe.
 */
public final class ReviewWithdrawalHandler implements Handler {

    /** Record header naming the commune the caller says the household belongs to. */
    public static final String COMMUNE_HEADER = "communeCode";
    /** Record header naming the token that asked for the withdrawal. */
    public static final String SUBMITTED_BY_HEADER = "submittedBy";

    private final Access access;
    private final AdminMaps maps;
    private final IdentifierChecks identifiers;
    private final Topic<String, HouseholdReview> householdReviews;
    private final ProducerPool producers;
    private final AuditRecords audit;

    public ReviewWithdrawalHandler(Access access, AdminMaps maps, IdentifierChecks identifiers,
            Topic<String, HouseholdReview> householdReviews, ProducerPool producers, AuditRecords audit) {
        this.access = access;
        this.maps = maps;
        this.identifiers = identifiers;
        this.householdReviews = householdReviews;
        this.producers = producers;
        this.audit = audit;
    }

    @Override
    public void handle(Context ctx) {
        Caller caller = access.writer(ctx);
        String yearText = ctx.pathParam("reviewYear");
        String householdId = ctx.pathParam("householdId");
        String communeCode = ctx.queryParam("communeCode");

        List<RuleViolation> violations = new ArrayList<>();
        Integer reviewYear = parseYear(yearText, violations);
        violations.addAll(identifiers.householdId(householdId));
        if (communeCode == null || communeCode.isBlank()) {
            violations.add(new RuleViolation("communeCode", "communeCode.required",
                    "Thiếu mã xã của hộ (tham số communeCode).", "The household's commune code is missing (parameter communeCode)."));
        } else if (reviewYear != null && maps.forReviewYear(reviewYear).unit(UnitLevel.COMMUNE, communeCode).isEmpty()) {
            violations.add(new RuleViolation("communeCode", "communeCode.unknown",
                    "Mã xã " + communeCode + " không có trong danh mục hành chính của năm rà soát " + reviewYear + ".",
                    "There is no commune " + communeCode + " in the administrative map of review year " + reviewYear + "."));
        }
        if (!violations.isEmpty()) {
            throw FieldErrors.invalidRequest(violations, Requests.language(ctx));
        }
        Access.requireCommune(caller, communeCode);

        HouseholdKey key = new HouseholdKey(reviewYear, householdId);
        producers.commit(List.of(OutgoingRecord.ofHousehold(householdReviews, key, null)
                .withHeader(COMMUNE_HEADER, communeCode)
                .withHeader(SUBMITTED_BY_HEADER, caller.tokenId()),
                audit.withdrawal(Requests.actor(ctx, caller), reviewYear, householdId, communeCode)));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("withdrawn", true);
        body.put("reviewYear", reviewYear);
        body.put("householdId", householdId);
        body.put("communeCode", communeCode);
        ctx.status(202).json(body);
    }

    private static Integer parseYear(String text, List<RuleViolation> violations) {
        try {
            int year = Integer.parseInt(text);
            if (ReviewYears.isSupported(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below, like a year out of range
        }
        violations.add(new RuleViolation("reviewYear", "reviewYear.range",
                "Năm rà soát phải là số từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST + ".",
                "The review year must be a number from " + ReviewYears.FIRST + " to " + ReviewYears.LAST + "."));
        return null;
    }
}
