package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void defaultsToLoopbackAndTheDocumentedLimits() {
        IngestSettings settings = IngestSettings.defaults("127.0.0.1:9092", SHA);

        assertThat(settings.bindHost()).isEqualTo("127.0.0.1");
        assertThat(settings.maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.maxRecords()).isEqualTo(200_000);
        assertThat(settings.topics().householdReviews().name()).isEqualTo("household-reviews");
    }

    @Test
    void refusesAPlainTokenWhereItsHashBelongsNamingTheSetting() {
        assertThatThrownBy(() -> IngestSettings.defaults("127.0.0.1:9092", "my-admin-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adminTokenSha256")
                .hasMessageNotContaining("my-admin-token");
    }

    @Test
    void acceptsAnUpperCaseDigestAndKeepsItLowerCase() {
        assertThat(IngestSettings.defaults("k:9092", "ABCDEF" + "0".repeat(58)).adminTokenSha256()).isEqualTo("abcdef" + "0".repeat(58));
    }

    @Test
    void namesTheSettingThatIsOutOfRange() {
        IngestSettings settings = IngestSettings.defaults("k:9092", SHA);

        assertThatThrownBy(() -> settings.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> settings.withMaxRecords(0)).hasMessageContaining("maxRecords");
        assertThatThrownBy(() -> settings.withInstanceId("has space")).hasMessageContaining("instanceId");
        assertThatThrownBy(() -> settings.withRequestTimeout(Duration.ofMillis(10))).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> settings.withProducerPoolSize(0)).hasMessageContaining("producerPoolSize");
    }
}
