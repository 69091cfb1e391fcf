package vn.povertyreview.ingest.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AuditUnit;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.ReviewerToken;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.Topic;

/**
 * The audit-events records of the changes ingest makes, one per change. A handler commits the
 * event in the same Kafka transaction as the change itself, so that a change that is stored always
 * has its event and one that was aborted has none. An event holds ids, codes, counts and the
 * specifics of the change, never personal data: names and ID numbers never reach ingest's records
 * in the first place, and a household is named only by its opaque id. Thread-safe.
 */
public final class AuditRecords {

    private final Topic<String, AuditEvent> topic;
    private final Clock clock;

    public AuditRecords(Topic<String, AuditEvent> topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
    }

    /**
     * An upload: its accepted records, its rejected ones, the rules they broke and the communes of
     * its accepted reviews, each with its review year.
     */
    public OutgoingRecord submission(AuditActor actor, String submissionId, int accepted, int rejected,
            Map<String, Integer> rejectedByRule, List<AuditUnit> communes, String format) {
        AuditEvent event = event(actor, AuditAction.SUBMISSION, communes, Map.of("format", format))
                .setSubmissionId(submissionId)
                .setAccepted(accepted)
                .setRejected(rejected)
                .setRejectedByRule(Map.copyOf(rejectedByRule))
                .build();
        return record(event);
    }

    /** A household's review of a year withdrawn, in the commune the caller named. */
    public OutgoingRecord withdrawal(AuditActor actor, int reviewYear, String householdId, String communeCode) {
        return record(event(actor, AuditAction.WITHDRAWAL, List.of(unit(reviewYear, communeCode)),
                Map.of("householdId", householdId)).build());
    }

    /** A reduction target set (or replaced). */
    public OutgoingRecord targetSet(AuditActor actor, ReductionTarget target) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("measure", target.getMeasure().name());
        detail.put("kind", target.getKind().name());
        detail.put("value", target.getValue());
        if (target.getBaselinePoorHouseholds() != null) {
            detail.put("baselinePoorHouseholds", target.getBaselinePoorHouseholds().toString());
        }
        if (target.getBaselineTotalHouseholds() != null) {
            detail.put("baselineTotalHouseholds", target.getBaselineTotalHouseholds().toString());
        }
        return record(event(actor, AuditAction.TARGET_SET, List.of(unit(target.getReviewYear(), target.getUnitCode())), detail)
                .build());
    }

    /** A reduction target deleted. */
    public OutgoingRecord targetDeleted(AuditActor actor, int reviewYear, String unitCode, TargetMeasure measure) {
        return record(event(actor, AuditAction.TARGET_DELETED, List.of(unit(reviewYear, unitCode)),
                Map.of("measure", measure.name())).build());
    }

    /** A review year closed for a unit and everything under it. */
    public OutgoingRecord yearClosed(AuditActor actor, int reviewYear, String unitCode) {
        return record(event(actor, AuditAction.YEAR_CLOSED, List.of(unit(reviewYear, unitCode)), Map.of()).build());
    }

    /** A review year reopened for a unit. */
    public OutgoingRecord yearReopened(AuditActor actor, int reviewYear, String unitCode) {
        return record(event(actor, AuditAction.YEAR_REOPENED, List.of(unit(reviewYear, unitCode)), Map.of()).build());
    }

    /**
     * A village registered or renamed in a map, as asked for a review year of that map.
     *
     * @param villageUnitCode {@code <communeCode>-<villageCode>}
     */
    public OutgoingRecord villageNamed(AuditActor actor, int reviewYear, String mapId, String villageUnitCode, String name) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("mapId", mapId);
        detail.put("name", name);
        return record(event(actor, AuditAction.VILLAGE_NAMED, List.of(unit(reviewYear, villageUnitCode)), detail).build());
    }

    /** A reviewer token created: its id, label, expiry and communes; never its secret or hash. */
    public OutgoingRecord tokenCreated(AuditActor actor, ReviewerToken token) {
        Map<String, String> detail = tokenDetail(token);
        if (token.getExpiresAt() != null) {
            detail.put("expiresAt", token.getExpiresAt().toString());
        }
        return record(event(actor, AuditAction.TOKEN_CREATED, communesOf(token), detail).build());
    }

    /** A reviewer token revoked. */
    public OutgoingRecord tokenRevoked(AuditActor actor, ReviewerToken token) {
        return record(event(actor, AuditAction.TOKEN_REVOKED, communesOf(token), tokenDetail(token)).build());
    }

    /** The admin token replaced by a new one. */
    public OutgoingRecord adminTokenRotated(AuditActor actor, ReviewerToken rotation) {
        return record(event(actor, AuditAction.ADMIN_TOKEN_ROTATED, List.of(),
                Map.of("retiredTokens", Integer.toString(rotation.getRetiredSha256s().size()))).build());
    }

    /** A unit of a review year, in that year's map. */
    public static AuditUnit unit(int reviewYear, String unitCode) {
        return new AuditUnit(reviewYear, unitCode);
    }

    private static Map<String, String> tokenDetail(ReviewerToken token) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("tokenId", token.getTokenId());
        detail.put("role", token.getRole().name());
        if (token.getLabel() != null) {
            detail.put("label", token.getLabel());
        }
        return detail;
    }

    /** A token's communes, with no year: a reviewer may act for its codes in either map. */
    /** The units of a token's scope: a reviewer's communes, a viewer's provinces and communes. */
    private static List<AuditUnit> communesOf(ReviewerToken token) {
        return Stream.of(token.getCommuneCodes(), token.getViewedProvinceCodes(), token.getViewedCommuneCodes())
                .flatMap(List::stream)
                .map(code -> new AuditUnit(null, code))
                .toList();
    }

    private AuditEvent.Builder event(AuditActor actor, AuditAction action, List<AuditUnit> units, Map<String, String> detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return AuditEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setAction(action)
                .setActorTokenId(actor.caller().tokenId())
                .setActorRole(actor.caller().role())
                .setActorLabel(actor.caller().label())
                .setClient(actor.client())
                .setRequestId(actor.requestId())
                .setUnits(List.copyOf(units))
                .setDetail(Map.copyOf(detail));
    }

    private OutgoingRecord record(AuditEvent event) {
        return OutgoingRecord.of(topic, event.getEventId(), event);
    }
}
