package vn.povertyreview.sink.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AuditUnit;

/**
 * One row of {@code audit_event}: a change made through ingest. {@code units}, {@code rejectedByRule}
 * and {@code detail} are JSON text: an array of {@code {"reviewYear", "unitCode"}} (no year for a
 * token's communes), an object of rule to count (null but for a submission), an object of the
 * change's specifics. Immutable and thread-safe.
 */
public record AuditEventRow(
        UUID eventId,
        OffsetDateTime occurredAt,
        String action,
        String actorTokenId,
        String actorRole,
        String actorLabel,
        String client,
        String requestId,
        UUID submissionId,
        String units,
        Integer accepted,
        Integer rejected,
        String rejectedByRule,
        String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The row of an event record.
     *
     * @throws IllegalArgumentException if its event or submission id is not a UUID
     */
    public static AuditEventRow of(AuditEvent event) {
        return new AuditEventRow(
                uuid(event.getEventId(), "eventId"),
                event.getOccurredAt().atOffset(ZoneOffset.UTC),
                event.getAction().name(),
                event.getActorTokenId(),
                event.getActorRole().name(),
                event.getActorLabel(),
                event.getClient().name(),
                event.getRequestId(),
                event.getSubmissionId() == null ? null : uuid(event.getSubmissionId(), "submissionId"),
                write(units(event.getUnits())),
                event.getAccepted(),
                event.getRejected(),
                event.getAction() == AuditAction.SUBMISSION ? write(new TreeMap<>(event.getRejectedByRule())) : null,
                write(new TreeMap<>(event.getDetail())));
    }

    private static List<Map<String, Object>> units(List<AuditUnit> units) {
        List<Map<String, Object>> list = new ArrayList<>(units.size());
        for (AuditUnit unit : units) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (unit.getReviewYear() != null) {
                entry.put("reviewYear", unit.getReviewYear());
            }
            entry.put("unitCode", unit.getUnitCode());
            list.add(entry);
        }
        return list;
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the audit event's " + field + " '" + text + "' is not a UUID", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
