package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.UnitLevel;

class VillageNamingTest {

    private static RunningIngest ingest;
    private static IngestClient admin;

    @BeforeAll
    static void startIngest() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
        admin = ingest.admin();
    }

    @AfterAll
    static void stopIngest() {
        ingest.close();
    }

    @Test
    void registersAVillageNameInTheTwoLevelMapByDefaultWithItsDiacriticsIntact() {
        HttpResult result = admin.put("/api/v1/villages/15271/TK1", "{\"name\": \"Thôn Tân Lập\"}");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("code").asText()).isEqualTo("15271-TK1");
        List<ConsumerRecord<String, AdminUnit>> units = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().adminUnits()).stream()
                        .filter(r -> r.key().equals("2025-07-01/15271-TK1")).toList(), records -> records.size() == 1);
        AdminUnit unit = units.get(0).value();
        assertThat(unit.getMapId()).isEqualTo("2025-07-01");
        assertThat(unit.getCode()).isEqualTo("15271-TK1");
        assertThat(unit.getLevel()).isEqualTo(UnitLevel.VILLAGE);
        assertThat(unit.getName()).isEqualTo("Thôn Tân Lập");
        assertThat(unit.getType()).isEqualTo("Thôn/Tổ dân phố");
        assertThat(unit.getParentCode()).isEqualTo("15271");
    }

    @Test
    void registersAVillageInTheMapOfTheGivenReviewYear() {
        HttpResult result = admin.put("/api/v1/villages/15277/TK3", "{\"name\": \"Thôn Yên Xá\", \"reviewYear\": 2024}");

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("mapId").asText()).isEqualTo("2025-03-01");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().adminUnits()).stream()
                        .anyMatch(r -> r.key().equals("2025-03-01/15277-TK3")));
    }

    @Test
    void answers400ForACommuneNotInTheYearsMapOrABadVillageCode() {
        HttpResult noCommune = admin.put("/api/v1/villages/99999/TK1", "{\"name\": \"Thôn 1\"}");
        HttpResult badVillage = admin.put("/api/v1/villages/15271/Th%C3%B4n-1", "{\"name\": \"Thôn 1\"}");
        HttpResult noName = admin.put("/api/v1/villages/15271/TK1", "{\"reviewYear\": 2025}");

        assertThat(noCommune.status()).isEqualTo(400);
        assertThat(noCommune.json().get("errors").get(0).get("rule").asText()).isEqualTo("communeCode.unknown");
        assertThat(badVillage.status()).isEqualTo(400);
        assertThat(badVillage.json().get("errors").get(0).get("rule").asText()).isEqualTo("villageCode.format");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("rule").asText()).isEqualTo("name.required");
    }

    @Test
    void answers400ForAVillageNameWithAControlCharacter() {
        HttpResult result = admin.put("/api/v1/villages/15271/TK1", "{\"name\": \"Thôn\\u0000 1\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("rule").asText()).isEqualTo("name.controlCharacter");
    }

    @Test
    void answers401WithoutAToken() {
        assertThat(ingest.anonymous().put("/api/v1/villages/15271/TK1", "{\"name\": \"Thôn 1\"}").status()).isEqualTo(401);
    }
}
