package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;
import static vn.povertyreview.sink.TargetGapAlertBuilder.anAlertOf;
import static vn.povertyreview.sink.TargetStatusBuilder.aStatusOf;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.sink.disagreement.DisagreementRow;
import vn.povertyreview.sink.disagreement.DisagreementTableWriter;
import vn.povertyreview.sink.rollup.RollupRow;
import vn.povertyreview.sink.rollup.RollupTableWriter;
import vn.povertyreview.sink.targets.TargetGapAlertRow;
import vn.povertyreview.sink.audit.AuditEventRow;
import vn.povertyreview.sink.audit.AuditEventTableWriter;
import vn.povertyreview.sink.targets.TargetGapAlertTableWriter;
import vn.povertyreview.sink.targets.TargetStatusRow;
import vn.povertyreview.sink.targets.TargetStatusTableWriter;

class SinkValueDeserializerTest {

    private static final Topics TOPICS = Topics.withDefaultNames();

    private final SinkValueDeserializer values = new SinkValueDeserializer(List.of(
            new RollupTableWriter(TOPICS.unitRollups()),
            new DisagreementTableWriter(TOPICS.classificationDisagreements()),
            new TargetStatusTableWriter(TOPICS.targetStatuses()),
            new TargetGapAlertTableWriter(TOPICS.targetGapAlerts()),
            new AuditEventTableWriter(TOPICS.auditEvents())));

    @Test
    void readsTheValueOfEachTopicIntoTheRowItsTableStores() {
        UnitRollup rollup = aRollupOf(2025, "15271").households(1_000, 52, 37).build();
        ClassificationDisagreement disagreement = aDisagreementOf(2025, "HH-38-000007").build();
        TargetStatus status = aStatusOf(2025, "15271").build();
        TargetGapAlert alert = anAlertOf(2025, "15271").build();
        AuditEvent event = AuditEventBuilder.aSubmissionTouching("2025/15271").build();

        assertThat(values.deserialize(Topics.UNIT_ROLLUPS, AvroSerde.of(UnitRollup.class).encode(rollup)))
                .isEqualTo(RollupRow.of(rollup));
        assertThat(values.deserialize(Topics.CLASSIFICATION_DISAGREEMENTS, AvroSerde.of(ClassificationDisagreement.class).encode(disagreement)))
                .isEqualTo(DisagreementRow.of(disagreement));
        assertThat(values.deserialize(Topics.TARGET_STATUSES, AvroSerde.of(TargetStatus.class).encode(status)))
                .isEqualTo(TargetStatusRow.of(status));
        assertThat(values.deserialize(Topics.TARGET_GAP_ALERTS, AvroSerde.of(TargetGapAlert.class).encode(alert)))
                .isEqualTo(TargetGapAlertRow.of(alert));
        assertThat(values.deserialize(Topics.AUDIT_EVENTS, AvroSerde.of(AuditEvent.class).encode(event)))
                .isEqualTo(AuditEventRow.of(event));
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(values.deserialize(Topics.TARGET_STATUSES, null)).isNull();
    }

    @Test
    void aValueWhoseRowCannotBeBuiltIsUnreadable() {
        TargetStatus broken = aStatusOf(2025, "15271").status(TargetStatusKind.AT_RISK, "n/a", "1.00").build();

        assertThatThrownBy(() -> values.deserialize(Topics.TARGET_STATUSES, AvroSerde.of(TargetStatus.class).encode(broken)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("currentRate").hasMessageContaining("not a decimal number");
    }

    @Test
    void aTopicWithoutATableIsUnreadable() {
        assertThatThrownBy(() -> values.deserialize(Topics.REDUCTION_TARGETS, new byte[] {1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.REDUCTION_TARGETS);
    }
}
