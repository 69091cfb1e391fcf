package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production compose file sets only variables the services read, and sets each one they must have. */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final Set<String> KNOWN = Arrays.stream(Setting.values())
            .map(Setting::environmentVariable).collect(Collectors.toSet());

    private static JsonNode service(String name) throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile());
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isMissingNode()).as("service %s in docker-compose.yml", name).isFalse();
        return service;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "streams", "sink"})
    void everyVariableAServiceGetsIsOneItReads(String name) throws Exception {
        JsonNode service = service(name);
        List<String> variables = new ArrayList<>();
        service.path("environment").fieldNames().forEachRemaining(variables::add);
        assertThat(variables).isNotEmpty();
        assertThat(variables).allSatisfy(variable -> assertThat(KNOWN).as("%s sets %s", name, variable).contains(variable));
        assertThat(variables).contains(Setting.KAFKA_BOOTSTRAP_SERVERS.environmentVariable());
        assertThat(service.path("command").get(0).asText()).isEqualTo(name);
        assertThat(service.path("healthcheck").isMissingNode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sink", "ingest"})
    void theSinkAndIngestAreToldWhereTheDatabaseIs(String name) throws Exception {
        JsonNode environment = service(name).path("environment");
        assertThat(environment.has(Setting.DB_URL.environmentVariable())).isTrue();
        assertThat(environment.has(Setting.DB_PASSWORD.environmentVariable())).isTrue();
    }
}
