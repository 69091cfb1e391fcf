package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SeededFigures;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.sink.SinkDatabase;

/** The dashboard's data, from the real ingest service over a real PostgreSQL with {@link SeededFigures}. */
class DashboardTest {

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;
    static RunningIngest ingest;
    static IngestClient admin;

    @BeforeAll
    static void startDatabaseAndIngest() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing("dashboard");
        Jdbi jdbi = SinkDatabase.open(postgres.dataSource("dashboard"));
        SeededFigures.write(jdbi);
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap), ReportDatabase.of(jdbi));
        admin = ingest.admin();
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
        postgres.close();
    }

    @Test
    void theNationListsItsProvincesWithTheirFiguresAndRatesRoundedOnceFromTheCounts() {
        JsonNode page = page(admin, 2025, "VN");

        assertThat(page.at("/unit/name").asText()).isEqualTo("Việt Nam");
        assertThat(page.get("childLevel").asText()).isEqualTo("PROVINCE");
        assertThat(page.get("children")).extracting(child -> child.at("/unit/code").asText()).containsExactly("01", "38");
        JsonNode thanhHoa = page.get("children").get(1);
        assertThat(thanhHoa.at("/unit/name").asText()).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(thanhHoa.at("/figures/households").asLong()).isEqualTo(1_000);
        assertThat(thanhHoa.at("/figures/poor").asLong()).isEqualTo(40);
        assertThat(thanhHoa.at("/figures/poorRate").decimalValue()).isEqualByComparingTo("4.00");
    }

    @Test
    void childrenAreSortedWorstFirstByTargetStatusThenByPovertyRate() {
        JsonNode page = page(admin, 2025, "38");

        // 15271: 3.00 % but its target is missed; 14758: 6.33 %, on track.
        assertThat(page.get("children")).extracting(child -> child.at("/unit/code").asText()).containsExactly("15271", "14758");
        assertThat(page.get("children").get(0).get("targetStatus").asText()).isEqualTo("MISSED");
        assertThat(page.get("children").get(1).at("/figures/poorRate").decimalValue()).isEqualByComparingTo("6.33");
        JsonNode villages = page(admin, 2025, "15271").get("children");
        assertThat(villages).extracting(child -> child.at("/unit/code").asText()).as("no targets: the highest rate first")
                .containsExactly("15271-TK1", "15271-TK2");
        assertThat(villages.get(0).at("/unit/name").asText()).isEqualTo("Tiểu khu Tân Lập");
    }

    @Test
    void a2025ProvinceHasCommunesDirectlyAndA2024OneHasDistricts() {
        assertThat(page(admin, 2025, "38").get("childLevel").asText()).isEqualTo("COMMUNE");
        JsonNode province2024 = page(admin, 2024, "38");
        assertThat(province2024.get("childLevel").asText()).isEqualTo("DISTRICT");
        assertThat(province2024.get("children")).extracting(child -> child.at("/unit/code").asText()).containsExactly("392");
        JsonNode commune2025 = page(admin, 2025, "15271");
        assertThat(commune2025.get("parents")).extracting(parent -> parent.get("level").asText()).containsExactly("NATION", "PROVINCE");
    }

    @Test
    void aCodeOfTwoDifferentUnitsIsNamedFromTheYearsMap() {
        JsonNode commune2024 = page(admin, 2024, "15271");
        JsonNode commune2025 = page(admin, 2025, "15271");

        assertThat(commune2024.at("/unit/name").asText()).isEqualTo("Thị trấn Hà Trung");
        assertThat(commune2024.get("parents")).extracting(parent -> parent.get("name").asText())
                .containsExactly("Việt Nam", "Tỉnh Thanh Hóa", "Huyện Hà Trung");
        assertThat(commune2025.at("/unit/name").asText()).isEqualTo("Xã Hà Trung");
        assertThat(page(admin, 2024, "392").get("children").get(0).at("/unit/name").asText()).isEqualTo("Thị trấn Hà Trung");
    }

    @Test
    void aUnitsPageHasItsTrendOverTheYearsOfItsMapItsBalancesTargetsAndDisagreementsByOpaqueId() {
        JsonNode page = page(admin, 2025, "15271");

        assertThat(page.get("trend")).extracting(point -> point.get("reviewYear").asInt()).as("2024 is of the other map")
                .containsExactly(2025, 2026);
        assertThat(page.get("trend").get(1).at("/figures/poorRate").decimalValue()).isEqualByComparingTo("1.97");
        assertThat(page.get("balances")).extracting(balance -> balance.get("identity").asText())
                .contains("POOR_BALANCE", "NEAR_POOR_BALANCE");
        JsonNode poorBalance = page.get("balances").get(0);
        assertThat(poorBalance.get("left").asLong()).isEqualTo(21);
        assertThat(poorBalance.get("right").asLong()).isEqualTo(21);
        assertThat(poorBalance.get("balanced").asBoolean()).isTrue();
        assertThat(page.at("/movements/columns")).isNotEmpty();
        assertThat(page.at("/deprivations/columns")).isNotEmpty();
        assertThat(page.at("/alkireFoster/headcountRatio").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(page.get("targets")).extracting(target -> target.get("status").asText()).containsExactly("MISSED");
        assertThat(page.get("targets").get(0).get("completionPercent").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(page.get("disagreements")).extracting(row -> row.get("householdId").asText())
                .containsExactly("HH-38-000001", "HH-38-000002");
        assertThat(page.get("disagreements").get(0).has("incomePerCapitaMonthlyVnd")).isFalse();
        assertThat(page.get("reportXlsx").asText()).isEqualTo("/api/v1/reports/2025/15271.xlsx");
    }

    @Test
    void aProvinceViewerSeesItsProvinceAndBelowButNotAnotherProvinceNorTheNation() {
        HttpResult created = admin.post("/api/v1/viewers", "application/json", "{\"provinceCodes\": [\"38\"]}");
        IngestClient viewer = admin.as(created.json().get("token").asText());

        assertThat(viewer.get("/api/v1/dashboard/2025/38").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/dashboard/2025/15271-TK1").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/dashboard/2024/392").status()).isEqualTo(200);
        HttpResult otherProvince = viewer.get("/api/v1/dashboard/2025/01");
        assertThat(otherProvince.status()).isEqualTo(403);
        assertThat(otherProvince.json().get("rule").asText()).isEqualTo("unitCode.notPermitted");
        assertThat(viewer.get("/api/v1/dashboard/2025/VN").status()).isEqualTo(403);
    }

    @Test
    void answers404ForAUnitOfNoMapOrWithoutFigures() {
        assertThat(admin.get("/api/v1/dashboard/2025/392").status()).as("no districts in 2025").isEqualTo(404);
        assertThat(admin.get("/api/v1/dashboard/2025/15274").status()).as("no figures yet").isEqualTo(404);
        assertThat(ingest.anonymous().get("/api/v1/dashboard/2025/VN").status()).isEqualTo(401);
    }

    private static JsonNode page(IngestClient client, int year, String unitCode) {
        HttpResult result = client.get("/api/v1/dashboard/" + year + "/" + unitCode);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }
}
