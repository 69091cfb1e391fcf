package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkWriter;
import vn.povertyreview.sink.rollup.RollupRow;

/**
 * The report of Xã Hà Trung (15271) in 2025, with two villages and 15 households assigned to
 * neither, fetched from the real ingest service and opened with Apache POI.
 */
class ReportsTest {

    private static final String WORKBOOK = "/api/v1/reports/2025/15271.xlsx";
    private static final OffsetDateTime LAST_CHANGE = OffsetDateTime.of(2025, 11, 3, 2, 15, 0, 0, ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;
    static RunningIngest ingest;

    @BeforeAll
    static void startDatabaseAndIngest() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing("reports");
        Jdbi jdbi = SinkDatabase.open(postgres.dataSource("reports"));
        List<ConsumerRecord<String, RollupRow>> rows = List.of(
                rollup(0, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_000_000, 24_000, 39_000, 1_010_000),
                rollup(1, "15271", "COMMUNE", "Xã Hà Trung", "38", 715, 36, 36, 800),
                rollup(2, "15271-TK1", "VILLAGE", "Tiểu khu Tân Lập", "15271", 400, 20, 20, 420),
                rollup(3, "15271-TK2", "VILLAGE", "Thôn Đông", "15271", 300, 15, 16, 310));
        new SinkWriter(jdbi, "poverty-sink").write(rows, Map.of());
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap), ReportDatabase.of(jdbi));
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
        postgres.close();
    }

    private static ConsumerRecord<String, RollupRow> rollup(long offset, String code, String level, String name, String parent,
            long households, long poor, long nearPoor, long startHouseholds) {
        Map<Figure, Long> figures = Map.of(Figure.HOUSEHOLDS, households, Figure.POOR, poor, Figure.NEAR_POOR, nearPoor,
                Figure.START_HOUSEHOLDS, startHouseholds, Figure.ETHNIC_MINORITY, households / 10,
                Figure.ETHNIC_MINORITY_POOR, poor / 2);
        RollupRow row = new RollupRow(code, 2025, "2025-07-01", level, name, parent, figures, Map.of(), 1, LAST_CHANGE);
        return new ConsumerRecord<>("unit-rollups", 0, offset, "2025/" + code, row);
    }

    @Test
    void theWorkbookHasOneSheetPerTopicWithVietnameseAndEnglishHeaders() throws IOException {
        try (Workbook workbook = workbook(ingest.admin().download(ingest.admin().request(WORKBOOK).GET()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Hộ nghèo, cận nghèo", "Biến động", "Dân tộc thiểu số", "Thiếu hụt", "Chỉ tiêu",
                    "Tiến độ rà soát");
            Sheet poverty = workbook.getSheet("Hộ nghèo, cận nghèo");
            assertThat(text(poverty, 0)).containsExactly("Mã đơn vị", "Tên đơn vị", "Tổng số hộ", "Số hộ nghèo",
                    "Tỷ lệ hộ nghèo (%) = hộ nghèo / tổng số hộ × 100", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)");
            assertThat(text(poverty, 1)).startsWith("Unit code", "Unit", "Total households", "Poor households");
            assertThat(text(workbook.getSheet("Biến động"), 0)).contains("Hộ thoát nghèo", "Hộ thoát nghèo rơi vào cận nghèo",
                    "Hộ tái nghèo", "Hộ nghèo chưa rà soát", "Hộ nghèo cuối kỳ");
        }
    }

    @Test
    void countsAndRatesAreNumbersAndTheTotalRowIsTheSumOfTheUnitRows() throws IOException {
        try (Workbook workbook = workbook(ingest.admin().download(ingest.admin().request(WORKBOOK).GET()))) {
            Sheet poverty = workbook.getSheet("Hộ nghèo, cận nghèo");
            assertThat(poverty.getRow(2).getCell(0).getStringCellValue()).isEqualTo("15271-TK1");
            assertThat(poverty.getRow(3).getCell(0).getStringCellValue()).isEqualTo("15271-TK2");
            assertThat(poverty.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Tổng cộng / Total");
            for (int column = 2; column <= 6; column++) {
                for (int row = 2; row <= 5; row++) {
                    assertThat(poverty.getRow(row).getCell(column).getCellType()).as("row %d column %d", row, column)
                            .isEqualTo(CellType.NUMERIC);
                }
            }
            for (int column : new int[] {2, 3, 5}) {
                assertThat(number(poverty, 4, column)).as("total of column %d", column)
                        .isEqualTo(number(poverty, 2, column) + number(poverty, 3, column));
                assertThat(poverty.getRow(2).getCell(column).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            }
            for (int column : new int[] {4, 6}) {
                assertThat(poverty.getRow(2).getCell(column).getCellStyle().getDataFormatString()).isEqualTo("0.00");
                assertThat(poverty.getRow(4).getCell(column).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            }
            // The total's rates are computed from the summed counts (36 of 700 near-poor), not added up.
            assertThat(number(poverty, 4, 6)).isEqualTo(5.14);
        }
    }

    @Test
    void theCommunesOwnFiguresAreShownWithANoteWhereTheyDifferFromTheSumOfItsVillages() throws IOException {
        try (Workbook workbook = workbook(ingest.admin().download(ingest.admin().request(WORKBOOK).GET()))) {
            Sheet poverty = workbook.getSheet("Hộ nghèo, cận nghèo");
            assertThat(poverty.getRow(5).getCell(0).getStringCellValue()).isEqualTo("15271");
            assertThat(number(poverty, 5, 2)).isEqualTo(715);
            // 36 near-poor of 715 households, 5.0349…%: rounded once, 5.03 (5.04 if rounded from 5.0350).
            assertThat(number(poverty, 5, 6)).isEqualTo(5.03);
            assertThat(poverty.getRow(6).getCell(0).getStringCellValue())
                    .contains("715 ≠ 700").contains("hộ chưa được gán vào thôn").contains("households not assigned to a village");
        }
    }

    @Test
    void theProgressSheetShowsTheHouseholdsReviewedAgainstTheExpectedAndAnAdminMaySetTheExpectedCount() throws IOException {
        HttpResult set = ingest.admin().put("/api/v1/expected-counts/2025/15271-TK2", "{\"households\": 320}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("setBy").asText()).isEqualTo("admin");
        try {
            try (Workbook workbook = workbook(ingest.admin().download(ingest.admin().request(WORKBOOK).GET()))) {
                Sheet progress = workbook.getSheet("Tiến độ rà soát");
                assertThat(text(progress, 1)).startsWith("Unit code", "Unit", "Households reviewed", "Households expected",
                        "Share reviewed (%)");
                assertThat(number(progress, 2, 3)).isEqualTo(420);
                assertThat(number(progress, 3, 3)).as("set by the admin").isEqualTo(320);
                assertThat(number(progress, 3, 4)).isEqualTo(93.75);
                assertThat(number(progress, 4, 2)).isEqualTo(700);
                assertThat(number(progress, 4, 3)).isEqualTo(740);
                assertThat(progress.getRow(2).getCell(6).getLocalDateTimeCellValue())
                        .as("in Vietnam's time").isEqualTo(LAST_CHANGE.withOffsetSameInstant(ZoneOffset.ofHours(7)).toLocalDateTime());
            }
        } finally {
            assertThat(ingest.admin().delete("/api/v1/expected-counts/2025/15271-TK2").status()).isEqualTo(200);
        }
        assertThat(ingest.admin().delete("/api/v1/expected-counts/2025/15271-TK2").status()).as("nothing left").isEqualTo(404);
    }

    @Test
    void theCsvHasTheSameTablesOneSectionEach() {
        HttpResult csv = ingest.admin().get("/api/v1/reports/2025/15271.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFtopic,poverty,");
        assertThat(body).contains("\r\nMã đơn vị,Tên đơn vị,Tổng số hộ,Số hộ nghèo,")
                .contains("\r\n,Tổng cộng / Total,700,35,5.00,36,5.14\r\n")
                .contains("\r\n15271,Xã Hà Trung (số liệu của đơn vị / the unit's own figures),715,36,5.03,36,5.03\r\n")
                .contains("\r\ntopic,movement,").contains("\r\ntopic,review-progress,");
    }

    @Test
    void aReviewerMayFetchTheReportsOfItsCommuneAndItsVillagesButNotOfTheProvince() {
        String token = ingest.newReviewerToken("15271");

        assertThat(ingest.admin().as(token).download(ingest.admin().as(token).request(WORKBOOK).GET()).statusCode()).isEqualTo(200);
        assertThat(ingest.admin().as(token).get("/api/v1/reports/2025/15271-TK1.csv").status()).isEqualTo(200);
        HttpResult province = ingest.admin().as(token).inLanguage("en").get("/api/v1/reports/2025/38.xlsx");
        assertThat(province.status()).isEqualTo(403);
        assertThat(province.json().get("rule").asText()).isEqualTo("unitCode.notPermitted");
        assertThat(ingest.admin().as(ingest.newReviewerToken("16681")).get(WORKBOOK).status()).isEqualTo(403);
    }

    @Test
    void onlyTheAdminMaySetAnExpectedCount() {
        String token = ingest.newReviewerToken("15271");

        assertThat(ingest.admin().as(token).put("/api/v1/expected-counts/2025/15271", "{\"households\": 1}").status()).isEqualTo(403);
        assertThat(ingest.admin().put("/api/v1/expected-counts/2025/15271", "{\"households\": -1}").status()).isEqualTo(400);
        assertThat(ingest.admin().put("/api/v1/expected-counts/2025/99999", "{\"households\": 1}").status()).isEqualTo(400);
    }

    @Test
    void noTokenUnknownUnitsAndUnitsWithoutFiguresGetClearAnswers() {
        assertThat(ingest.anonymous().get(WORKBOOK).status()).isEqualTo(401);
        HttpResult unknown = ingest.admin().inLanguage("en").get("/api/v1/reports/2025/99999.xlsx");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("unit-not-found");
        assertThat(unknown.json().get("messageVi").asText()).contains("99999");
        HttpResult noFigures = ingest.admin().get("/api/v1/reports/2024/15271.xlsx");
        assertThat(noFigures.status()).isEqualTo(404);
        assertThat(noFigures.json().get("error").asText()).isEqualTo("report-not-found");
        assertThat(ingest.admin().get("/api/v1/reports/1999/15271.xlsx").status()).isEqualTo(400);
    }

    @Test
    void anIngestWithoutItsDatabaseAnswers503() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        try (RunningIngest alone = RunningIngest.start(bootstrap, TestTopics.create(bootstrap))) {
            HttpResult report = alone.admin().get(WORKBOOK);
            assertThat(report.status()).isEqualTo(503);
            assertThat(report.json().get("error").asText()).isEqualTo("database-unavailable");
            assertThat(report.header("Retry-After")).isEqualTo("10");
        }
    }

    private static Workbook workbook(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("bao-cao-2025-15271.xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private static List<String> text(Sheet sheet, int row) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : sheet.getRow(row)) {
            cells.add(cell.getStringCellValue());
        }
        return cells;
    }

    private static double number(Sheet sheet, int row, int column) {
        Row cells = sheet.getRow(row);
        return cells.getCell(column).getNumericCellValue();
    }
}
