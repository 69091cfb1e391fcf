package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.AuditEventBuilder.aSubmissionTouching;
import static vn.povertyreview.sink.AuditEventBuilder.anEvent;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.schemas.AuditAction;
import vn.povertyreview.schemas.AuditClient;
import vn.povertyreview.sink.audit.AuditEventRow;

/** The audit-events topic into the append-only {@code audit_event}, in a real PostgreSQL, with the sink's offsets. */
class AuditEventWriterTest {

    private static final String GROUP = "poverty-sink";

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;
    SinkWriter writer;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(postgres.server());
        writer = new SinkWriter(jdbi, GROUP);
    }

    @Test
    void writesEveryColumnOfASubmission() {
        AuditEventBuilder event = aSubmissionTouching("2024/15271", "2025/15271");
        writer.write(List.of(event.at(0, 0)), Map.of());

        Map<String, Object> row = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT event_id::text AS event_id, occurred_at, action, actor_token_id, actor_role, actor_label, client,
                       request_id, submission_id::text AS submission_id, units::text AS units, accepted, rejected,
                       rejected_by_rule::text AS rejected_by_rule, detail::text AS detail
                  FROM audit_event""").mapToMap().one());
        assertThat(row).containsAllEntriesOf(Map.ofEntries(
                Map.entry("event_id", event.eventId()), Map.entry("action", "SUBMISSION"),
                Map.entry("actor_token_id", "5d0c6f0e-4a57-4a8e-9d51-0f2f3c7b8a11"), Map.entry("actor_role", "REVIEWER"),
                Map.entry("actor_label", "UBND xã Hà Trung"), Map.entry("client", "API"), Map.entry("request_id", "3f2a9c"),
                Map.entry("submission_id", "8f4e2b1a-3c5d-4e6f-8a9b-0c1d2e3f4a5b"),
                Map.entry("units", "[{\"unitCode\": \"15271\", \"reviewYear\": 2024}, {\"unitCode\": \"15271\", \"reviewYear\": 2025}]"),
                Map.entry("accepted", 3), Map.entry("rejected", 1),
                Map.entry("rejected_by_rule", "{\"communeCode.unknown\": 1}"), Map.entry("detail", "{\"format\": \"CSV\"}")));
        OffsetDateTime occurredAt = jdbi.withHandle(handle -> handle.createQuery("SELECT occurred_at FROM audit_event")
                .mapTo(OffsetDateTime.class).one());
        assertThat(occurredAt.toInstant()).isEqualTo(Instant.parse("2025-11-03T02:00:01.500Z"));
        assertThat(columnsOfTheTable()).hasSize(row.size());
    }

    @Test
    void anEventOtherThanASubmissionHasNoCountsAndATokensCommunesHaveNoYear() {
        writer.write(List.of(anEvent(AuditAction.TOKEN_REVOKED, "15271", "15286").byTheAdmin(AuditClient.CLI)
                .detail("tokenId", "5d0c6f0e-4a57-4a8e-9d51-0f2f3c7b8a11").at(0, 0)), Map.of());

        Map<String, Object> row = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT actor_token_id, actor_label, client, submission_id, accepted, rejected, rejected_by_rule,
                       units::text AS units, detail ->> 'tokenId' AS token_id FROM audit_event""").mapToMap().one());
        assertThat(row).containsEntry("actor_token_id", "admin").containsEntry("actor_label", null).containsEntry("client", "CLI")
                .containsEntry("submission_id", null).containsEntry("accepted", null).containsEntry("rejected", null)
                .containsEntry("rejected_by_rule", null)
                .containsEntry("units", "[{\"unitCode\": \"15271\"}, {\"unitCode\": \"15286\"}]")
                .containsEntry("token_id", "5d0c6f0e-4a57-4a8e-9d51-0f2f3c7b8a11");
    }

    @Test
    void aReplayedBatchStoresEachEventOnceAndTheOffsetsMoveOn() {
        AuditEventBuilder first = aSubmissionTouching("2025/15271");
        AuditEventBuilder second = anEvent(AuditAction.WITHDRAWAL, "2025/15271").detail("householdId", "HH-38-000005");
        writer.write(List.of(first.at(0, 0), second.at(0, 1), aRollupOf(2025, "15271").at(0, 0)), Map.of());

        // After a crash between the database commit and Kafka's, the sink reads the same records again.
        WrittenBatch replay = writer.write(List.of(first.at(0, 0), second.at(0, 1), first.at(0, 0),
                anEvent(AuditAction.YEAR_CLOSED, "2025/38").at(0, 2)), Map.of());

        assertThat(replay.records()).isEqualTo(4);
        assertThat(TestDatabases.count(jdbi, "audit_event")).isEqualTo(3);
        assertThat(writer.storedOffsets(List.of(AuditEventBuilder.TOPIC, RollupBuilder.TOPIC))).containsExactlyInAnyOrderEntriesOf(Map.of(
                new TopicPartition(AuditEventBuilder.TOPIC, 0), 3L, new TopicPartition(RollupBuilder.TOPIC, 0), 1L));
        List<String> actions = jdbi.withHandle(handle -> handle.createQuery("SELECT action FROM audit_event ORDER BY action")
                .mapTo(String.class).list());
        assertThat(actions).containsExactly("SUBMISSION", "WITHDRAWAL", "YEAR_CLOSED");
    }

    @Test
    void eventsCannotBeUpdatedDeletedOrTruncated() {
        writer.write(List.of(aSubmissionTouching("2025/15271").at(0, 0)), Map.of());

        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("UPDATE audit_event SET actor_label = 'someone else'")))
                .hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("DELETE FROM audit_event")))
                .hasMessageContaining("audit_event is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("TRUNCATE audit_event")))
                .hasMessageContaining("audit_event is append-only: TRUNCATE is not allowed");
        String label = jdbi.withHandle(handle -> handle.createQuery("SELECT actor_label FROM audit_event").mapTo(String.class).one());
        assertThat(label).as("the row as it was written").isEqualTo("UBND xã Hà Trung");
    }

    @Test
    void theEventsOfAUnitAndYearAreFoundByTheirUnits() {
        writer.write(List.of(
                aSubmissionTouching("2025/15271", "2025/15274").at(0, 0),
                aSubmissionTouching("2024/15271").at(0, 1),
                anEvent(AuditAction.TARGET_SET, "2025/15271-TK1").at(0, 2),
                anEvent(AuditAction.TOKEN_CREATED, "15271").at(0, 3)), Map.of());

        long ofHaTrung2025 = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM audit_event WHERE units @> '[{\"reviewYear\": 2025, \"unitCode\": \"15271\"}]'")
                .mapTo(Long.class).one());
        assertThat(ofHaTrung2025).as("the 2025 submission only: not 2024's, not a village's, not a token's").isOne();
    }

    @Test
    void anEventWhoseIdIsNoUuidCannotBeStored() {
        AuditEventBuilder event = aSubmissionTouching("2025/15271");
        assertThatThrownBy(() -> AuditEventRow.of(vn.povertyreview.schemas.AuditEvent.newBuilder(event.build())
                .setEventId("not-a-uuid").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId 'not-a-uuid' is not a UUID");
    }

    private List<String> columnsOfTheTable() {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_event'").mapTo(String.class).list());
    }
}
