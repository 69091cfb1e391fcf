package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitRef;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkWriter;
import vn.povertyreview.sink.disagreement.DisagreementRow;
import vn.povertyreview.sink.rollup.RollupRow;
import vn.povertyreview.sink.targets.TargetStatusRow;

/**
 * The dashboard's data, from the real ingest service over a real PostgreSQL seeded with Thanh Hóa
 * (38) in both maps: in 2025 the province holds communes 15271 (Xã Hà Trung) and 14758 directly; in
 * 2024 it holds district 392 (Huyện Hà Trung), which holds 15271, then named Thị trấn Hà Trung.
 * Hà Nội (01) is another province.
 */
class DashboardTest {

    private static final OffsetDateTime LAST_CHANGE = OffsetDateTime.of(2025, 11, 3, 2, 15, 0, 0, ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;
    static RunningIngest ingest;
    static IngestClient admin;
    static long offset;

    @BeforeAll
    static void startDatabaseAndIngest() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing("dashboard");
        Jdbi jdbi = SinkDatabase.open(postgres.dataSource("dashboard"));
        List<ConsumerRecord<String, ?>> records = new ArrayList<>();
        records.add(rollup(2025, "VN", "NATION", "Việt Nam", null, 2_000, 100, 80));
        records.add(rollup(2025, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_000, 40, 40));
        records.add(rollup(2025, "01", "PROVINCE", "Thành phố Hà Nội", "VN", 1_000, 60, 40));
        records.add(rollup(2025, "15271", "COMMUNE", "Xã Hà Trung", "38", 700, 21, 30));
        records.add(rollup(2025, "14758", "COMMUNE", "Phường Hàm Rồng", "38", 300, 19, 10));
        records.add(rollup(2025, "15271-TK1", "VILLAGE", "Tiểu khu Tân Lập", "15271", 400, 20, 20));
        records.add(rollup(2025, "15271-TK2", "VILLAGE", "Thôn Đông", "15271", 300, 1, 10));
        records.add(rollup(2026, "15271", "COMMUNE", "Xã Hà Trung", "38", 710, 14, 25));
        records.add(rollup(2024, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_100, 55, 40));
        records.add(rollup(2024, "392", "DISTRICT", "Huyện Hà Trung", "38", 800, 40, 30));
        // Stored under its 2025 name: the page names it from the 2024 map all the same.
        records.add(rollup(2024, "15271", "COMMUNE", "Xã Hà Trung", "392", 800, 40, 30));
        records.add(targetStatus(2025, "15271", "Xã Hà Trung", TargetStatusKind.MISSED));
        records.add(targetStatus(2025, "14758", "Phường Hàm Rồng", TargetStatusKind.ON_TRACK));
        records.add(disagreement("HH-38-000002"));
        records.add(disagreement("HH-38-000001"));
        new SinkWriter(jdbi, "poverty-sink").write(records, Map.of());
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

    private static ConsumerRecord<String, RollupRow> rollup(int year, String code, String level, String name, String parent,
            long households, long poor, long nearPoor) {
        Map<Figure, Long> figures = Map.of(Figure.HOUSEHOLDS, households, Figure.POOR, poor, Figure.NEAR_POOR, nearPoor,
                Figure.START_HOUSEHOLDS, households + 10, Figure.START_POOR, poor, Figure.END_POOR, poor,
                Figure.ETHNIC_MINORITY, households / 10, Figure.ETHNIC_MINORITY_POOR, poor / 2);
        Map<vn.povertyreview.domain.rollup.Measure, java.math.BigDecimal> measures = Map.of(
                vn.povertyreview.domain.rollup.Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO, new java.math.BigDecimal("0.030000"));
        String mapId = year >= 2025 ? "2025-07-01" : "2025-03-01";
        RollupRow row = new RollupRow(code, year, mapId, level, name, parent, figures, measures, 1, LAST_CHANGE);
        return new ConsumerRecord<>("unit-rollups", 0, offset++, year + "/" + code, row);
    }

    private static ConsumerRecord<String, TargetStatusRow> targetStatus(int year, String code, String name, TargetStatusKind status) {
        TargetStatus value = TargetStatus.newBuilder()
                .setUnit(UnitRef.newBuilder().setCode(code).setName(name).build())
                .setParents(List.of(UnitRef.newBuilder().setCode("38").setName("Tỉnh Thanh Hóa").build()))
                .setReviewYear(year).setMeasure(TargetMeasure.POVERTY_RATE).setKind(TargetKind.RATE_POINTS).setValue("2.0")
                .setBaselinePoorHouseholds(120).setBaselineTotalHouseholds(1_250).setBaselineRate("9.6").setBaselineStated(false)
                .setTargetEndHouseholds(95).setTargetEndRate("7.6").setCurrentPoorHouseholds(94).setCurrentTotalHouseholds(1_253)
                .setCurrentRate("7.5").setGapHouseholds(-1).setGapPoints("-0.1").setCompletionPercent("25.00")
                .setReviewedShare("0.4132").setStatus(status).setYearClosed(false).setRevision(1)
                .setUpdatedAt(Instant.parse("2025-11-03T02:00:00.250Z"))
                .build();
        return new ConsumerRecord<>("target-statuses", 0, offset++,
                new TargetKey(year, code, TargetMeasure.POVERTY_RATE).toString(), TargetStatusRow.of(value));
    }

    private static ConsumerRecord<String, DisagreementRow> disagreement(String householdId) {
        DisagreementRow row = new DisagreementRow(2025, householdId, "rv-" + householdId, LAST_CHANGE, "38", null, "15271",
                "15271-TK1", "RURAL", "POOR", "NEAR_POOR", 1_200_000, 2);
        return new ConsumerRecord<>("classification-disagreements", 0, offset++, "2025/" + householdId, row);
    }
}
