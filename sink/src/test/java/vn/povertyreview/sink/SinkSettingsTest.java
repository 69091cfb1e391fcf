package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.Topics;

class SinkSettingsTest {

    @Test
    void defaultsReadTheProductsTopics() {
        SinkSettings settings = SinkSettings.defaults("127.0.0.1:9092");

        assertThat(settings.topic()).isEqualTo(Topics.UNIT_ROLLUPS);
        assertThat(settings.classificationDisagreementsTopic()).isEqualTo(Topics.CLASSIFICATION_DISAGREEMENTS);
        assertThat(settings.targetStatusesTopic()).isEqualTo(Topics.TARGET_STATUSES);
        assertThat(settings.targetGapAlertsTopic()).isEqualTo(Topics.TARGET_GAP_ALERTS);
        assertThat(settings.auditEventsTopic()).isEqualTo(Topics.AUDIT_EVENTS);
        assertThat(settings.topics()).containsExactly(Topics.UNIT_ROLLUPS, Topics.CLASSIFICATION_DISAGREEMENTS,
                Topics.TARGET_STATUSES, Topics.TARGET_GAP_ALERTS, Topics.AUDIT_EVENTS);
        assertThat(settings.groupId()).isEqualTo(SinkSettings.DEFAULT_GROUP_ID);
    }

    @Test
    void everyWitherKeepsTheTargetTopics() {
        SinkSettings settings = SinkSettings.defaults("127.0.0.1:9092").withTargetStatusesTopic("ts-1").withTargetGapAlertsTopic("ta-1")
                .withAuditEventsTopic("ae-1").withTopic("ur-1").withClassificationDisagreementsTopic("cd-1").withGroupId("g").withPollTimeout(java.time.Duration.ofSeconds(1))
                .withMaxPollRecords(10);

        assertThat(settings.topics()).containsExactly("ur-1", "cd-1", "ts-1", "ta-1", "ae-1");
    }

    @Test
    void refusesAMissingOrSharedTargetTopic() {
        SinkSettings defaults = SinkSettings.defaults("127.0.0.1:9092");

        assertThatThrownBy(() -> defaults.withTargetStatusesTopic(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetStatusesTopic");
        assertThatThrownBy(() -> defaults.withTargetGapAlertsTopic(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetGapAlertsTopic");
        assertThatThrownBy(() -> defaults.withTargetGapAlertsTopic(Topics.TARGET_STATUSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> defaults.withAuditEventsTopic(Topics.TARGET_GAP_ALERTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> defaults.withAuditEventsTopic(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditEventsTopic");
        assertThatThrownBy(() -> defaults.withTargetStatusesTopic(Topics.UNIT_ROLLUPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }

    @Test
    void everyWitherKeepsTheDisagreementsTopic() {
        SinkSettings settings = SinkSettings.defaults("127.0.0.1:9092").withClassificationDisagreementsTopic("cd-1")
                .withTopic("ur-1").withGroupId("g").withMaxPollRecords(10);

        assertThat(settings.classificationDisagreementsTopic()).isEqualTo("cd-1");
        assertThat(settings.topic()).isEqualTo("ur-1");
    }

    @Test
    void refusesAMissingOrSharedDisagreementsTopic() {
        SinkSettings defaults = SinkSettings.defaults("127.0.0.1:9092");

        assertThatThrownBy(() -> defaults.withClassificationDisagreementsTopic(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classificationDisagreementsTopic");
        assertThatThrownBy(() -> defaults.withClassificationDisagreementsTopic(Topics.UNIT_ROLLUPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }
}
