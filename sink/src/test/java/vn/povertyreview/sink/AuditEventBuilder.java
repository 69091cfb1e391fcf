package vn.povertyreview.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.schemas.AuditClient;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AuditUnit;
import vn.povertyreview.sink.audit.AuditEventRow;

/** Audit events: by default a reviewer of Xã Hà Trung submitting 3 reviews of 2025, 1 rejected. */
public final class AuditEventBuilder {

    static final String TOPIC = "audit-events";

    private final String eventId;
    private AuditAction action = AuditAction.SUBMISSION;
    private String actorTokenId = "5d0c6f0e-4a57-4a8e-9d51-0f2f3c7b8a11";
    private AccessRole actorRole = AccessRole.REVIEWER;
    private String actorLabel = "UBND xã Hà Trung";
    private AuditClient client = AuditClient.API;
    private String submissionId = "8f4e2b1a-3c5d-4e6f-8a9b-0c1d2e3f4a5b";
    private final List<AuditUnit> units = new ArrayList<>();
    private Integer accepted = 3;
    private Integer rejected = 1;
    private Map<String, Integer> rejectedByRule = Map.of("communeCode.unknown", 1);
    private final Map<String, String> detail = new LinkedHashMap<>(Map.of("format", "CSV"));
    private Instant occurredAt = Instant.parse("2025-11-03T02:00:01.500Z");

    private AuditEventBuilder(String eventId) {
        this.eventId = eventId;
    }

    /** A submission touching the units, each {@code <reviewYear>/<unitCode>}, or a bare code for no year. */
    public static AuditEventBuilder aSubmissionTouching(String... units) {
        AuditEventBuilder builder = new AuditEventBuilder(UUID.randomUUID().toString());
        builder.touching(units);
        return builder;
    }

    /** An event of another action about the units; it is no submission, so it has no counts. */
    public static AuditEventBuilder anEvent(AuditAction action, String... units) {
        AuditEventBuilder builder = aSubmissionTouching(units);
        builder.action = action;
        builder.submissionId = null;
        builder.accepted = null;
        builder.rejected = null;
        builder.rejectedByRule = Map.of();
        builder.detail.clear();
        return builder;
    }

    AuditEventBuilder byTheAdmin(AuditClient newClient) {
        this.actorTokenId = "admin";
        this.actorRole = AccessRole.ADMIN;
        this.actorLabel = null;
        this.client = newClient;
        return this;
    }

    AuditEventBuilder detail(String key, String value) {
        detail.put(key, value);
        return this;
    }

    AuditEventBuilder occurredAt(Instant time) {
        this.occurredAt = time;
        return this;
    }

    private void touching(String... codes) {
        for (String code : codes) {
            int slash = code.indexOf('/');
            units.add(slash < 0 ? new AuditUnit(null, code)
                    : new AuditUnit(Integer.parseInt(code.substring(0, slash)), code.substring(slash + 1)));
        }
    }

    public String eventId() {
        return eventId;
    }

    public AuditEvent build() {
        return AuditEvent.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt)
                .setAction(action)
                .setActorTokenId(actorTokenId)
                .setActorRole(actorRole)
                .setActorLabel(actorLabel)
                .setClient(client)
                .setRequestId("3f2a9c")
                .setSubmissionId(submissionId)
                .setUnits(List.copyOf(units))
                .setAccepted(accepted)
                .setRejected(rejected)
                .setRejectedByRule(rejectedByRule)
                .setDetail(Map.copyOf(detail))
                .build();
    }

    /** The event as the sink would poll it from the given partition and offset: read into its row. */
    ConsumerRecord<String, AuditEventRow> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, eventId, AuditEventRow.of(build()));
    }
}
