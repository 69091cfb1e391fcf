package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void appliesDefaultsThenFileThenEnvironmentThenArguments() throws Exception {
        Path file = dir.resolve("poverty.properties");
        Files.writeString(file, "ingest.port=8100\nstreams.threads=2\nsink.group.id=from-file\n");
        Settings settings = Settings.load(
                Map.of("POVERTY_STREAMS_THREADS", "3", "POVERTY_SINK_GROUP_ID", "from-env", "PATH", "/usr/bin"),
                List.of("--config=" + file, "--sink.group.id=from-argument"));

        assertThat(settings.get(Setting.STREAMS_APPLICATION_ID)).isEqualTo("poverty-rollups");
        assertThat(settings.getInt(Setting.INGEST_PORT)).isEqualTo(8100);
        assertThat(settings.getInt(Setting.STREAMS_THREADS)).isEqualTo(3);
        assertThat(settings.get(Setting.SINK_GROUP_ID)).isEqualTo("from-argument");
    }

    @Test
    void refusesAnUnknownSettingNamingIt() {
        assertThatThrownBy(() -> Settings.load(Map.of("POVERTY_INGEST_PROT", "1"), List.of()))
                .hasMessageContaining("unknown environment variable POVERTY_INGEST_PROT");
        assertThatThrownBy(() -> Settings.load(Map.of(), List.of("--ingest.prot=1")))
                .hasMessageContaining("unknown setting 'ingest.prot' on the command line");
        assertThatThrownBy(() -> Settings.load(Map.of(), List.of("ingest.port")))
                .hasMessageContaining("expected --key=value");
    }

    @Test
    void namesTheSettingWhoseValueIsNotANumber() {
        Settings settings = Settings.load(Map.of("POVERTY_INGEST_PORT", "eighty"), List.of());
        assertThatThrownBy(() -> settings.getInt(Setting.INGEST_PORT))
                .hasMessageContaining("ingest.port (POVERTY_INGEST_PORT) must be a whole number, got 'eighty'");
    }

    @Test
    void everySettingHasAnEnvironmentVariableOfItsOwn() {
        assertThat(Setting.KAFKA_BOOTSTRAP_SERVERS.environmentVariable()).isEqualTo("POVERTY_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(Setting.TOPIC_REJECTED_REVIEWS.environmentVariable()).isEqualTo("POVERTY_TOPIC_HOUSEHOLD_REVIEWS_REJECTED");
        assertThat(java.util.Arrays.stream(Setting.values()).map(Setting::environmentVariable).distinct())
                .hasSize(Setting.values().length);
    }
}
