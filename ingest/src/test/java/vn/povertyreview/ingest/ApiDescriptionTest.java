package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;

class ApiDescriptionTest {

    private static RunningIngest ingest;

    @BeforeAll
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void describesEveryRouteTheServiceServes() {
        HttpResult description = ingest.anonymous().get("/api/v1/openapi.json");

        assertThat(description.status()).isEqualTo(200);
        JsonNode paths = description.json().get("paths");
        assertThat(ingest.service().routes()).isNotEmpty().allSatisfy(route -> {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(paths.has(path)).as("path %s described", path).isTrue();
            assertThat(paths.get(path).has(method)).as("%s described", route).isTrue();
        });
        assertThat(ingest.service().routes()).contains("POST /api/v1/reviews", "GET /health");
    }

    @Test
    void describesOnlyRoutesTheServiceServes() {
        JsonNode paths = ingest.anonymous().get("/api/v1/openapi.json").json().get("paths");

        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method ->
                assertThat(ingest.service().routes()).contains(method.toUpperCase(Locale.ROOT) + " " + path)));
    }

    @Test
    void describesAgricultureForestryFisheryAsAnOptionalBooleanLikeTheOtherFlags() {
        JsonNode record = ingest.anonymous().get("/api/v1/openapi.json").json()
                .at("/components/schemas/ReviewRecord");

        JsonNode field = record.at("/properties/agricultureForestryFishery");
        assertThat(field.get("type").asText()).isEqualTo("boolean");
        assertThat(field.get("default").asBoolean(true)).isFalse();
        assertThat(record.get("required")).extracting(JsonNode::asText)
                .contains("householdId").doesNotContain("agricultureForestryFishery", "noLaborCapacity");
    }

    @Test
    void reportsHealthWithoutAToken() {
        HttpResult health = ingest.anonymous().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void answersAnUnknownRouteWithAStructured404() {
        HttpResult result = ingest.admin().inLanguage("en").get("/api/v1/nothing-here");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().get("error").asText()).isEqualTo("not-found");
        assertThat(result.json().get("message").asText()).isEqualTo(result.json().get("messageEn").asText());
        assertThat(result.header("X-Request-Id")).isNotBlank();
    }
}
