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
        assertThat(settings.groupId()).isEqualTo(SinkSettings.DEFAULT_GROUP_ID);
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
