package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.Indicator;

/** The workbook reviewers download, fill in and upload again without a single edit. */
class ReviewTemplateTest {

    static final String TEMPLATE = "/api/v1/templates/reviews.xlsx";
    private static final DataFormatter SHOWN = new DataFormatter();

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
    void hasABilingualHeaderDropDownListsAGuideAndEveryCommuneOfThe2025MapForTheAdmin() throws Exception {
        HttpResponse<byte[]> answer = admin.download(admin.request(TEMPLATE).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(Workbooks.MEDIA_TYPE);
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".xlsx");
        try (XSSFWorkbook template = Workbooks.open(answer.body())) {
            assertThat(List.of(template.getSheetName(0), template.getSheetName(1), template.getSheetName(2)))
                    .containsExactly("Danh sách hộ", "Hướng dẫn", "Danh mục xã");
            Sheet reviews = template.getSheetAt(0);
            List<String> header = cells(reviews.getRow(0));
            assertThat(header).startsWith("Mã hộ (householdId)", "Năm rà soát (reviewYear)", "Thời điểm rà soát (reviewedAt)")
                    .contains("Khu vực (area)", "Kết quả phân loại (classification)", "Thiếu hụt dinh dưỡng (NUTRITION)",
                            "Thiếu hụt phương tiện tiếp cận thông tin (INFORMATION_ASSETS)", "Hộ dân tộc thiểu số (ethnicMinority)")
                    .doesNotContain("Các chỉ số thiếu hụt (deprivations)");
            assertThat(reviews.getLastRowNum()).as("no example household to upload by mistake").isZero();

            Map<String, List<String>> lists = dropDownLists(reviews, header);
            assertThat(lists.get("Khu vực (area)")).containsExactly("Nông thôn", "Thành thị");
            assertThat(lists.get("Kết quả phân loại (classification)")).containsExactly("Hộ nghèo", "Hộ cận nghèo", "Không nghèo");
            assertThat(lists.keySet().stream().filter(h -> h.startsWith("Thiếu hụt "))).hasSize(12);
            assertThat(lists.entrySet().stream().filter(e -> e.getKey().startsWith("Thiếu hụt ")).map(Map.Entry::getValue))
                    .allSatisfy(words -> assertThat(words).containsExactly("Có", "Không"));
            assertThat(lists.get("Mã xã (communeCode)")).containsExactly("'Danh mục xã'!$A$2:$A$3322");

            Sheet communes = template.getSheet("Danh mục xã");
            int inMap = AdminMaps.official().forReviewYear(2025).units(UnitLevel.COMMUNE).size();
            assertThat(communes.getLastRowNum()).isEqualTo(inMap);
            assertThat(cells(communes.getRow(0))).startsWith("Mã xã (communeCode)", "Tên xã", "Mã tỉnh (provinceCode)");
            assertThat(rowsOf(communes)).anySatisfy(row -> assertThat(row).startsWith("15271", "Xã Hà Trung", "38"));

            String guide = rowsOf(template.getSheet("Hướng dẫn")).stream().flatMap(List::stream).collect(Collectors.joining("\n"));
            assertThat(guide).contains("Hướng dẫn điền danh sách", "Tải các dòng bị từ chối", "Bắt buộc. Mã hộ do xã cấp");
        }
    }

    @Test
    void listsAReviewersOwnCommunesInEachMapThatHasTheCode() throws Exception {
        IngestClient reviewer = admin.as(ingest.newReviewerToken("15271"));

        HttpResponse<byte[]> answer = reviewer.download(reviewer.request(TEMPLATE).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook template = Workbooks.open(answer.body())) {
            assertThat(rowsOf(template.getSheet("Danh mục xã")).subList(1, 3)).containsExactly(
                    List.of("15271", "Xã Hà Trung", "38", "Tỉnh Thanh Hóa", "", "", "2025 trở đi", ""),
                    List.of("15271", "Thị trấn Hà Trung", "38", "Tỉnh Thanh Hóa", "392", "Huyện Hà Trung", "2022–2024", ""));
        }
        JsonNode me = reviewer.get("/api/v1/me").json();
        assertThat(me.get("role").asText()).isEqualTo("REVIEWER");
        assertThat(me.get("communes")).extracting(c -> c.get("name").asText()).containsExactly("Xã Hà Trung", "Thị trấn Hà Trung");
    }

    @Test
    void listsTheVillagesRegisteredForEachCommuneInItsMap() throws Exception {
        assertThat(admin.put("/api/v1/villages/15274/TK2", "{\"name\": \"Tiểu khu Bắc Sơn\"}").status()).isEqualTo(202);
        assertThat(admin.put("/api/v1/villages/15274/TK1", "{\"name\": \"Tiểu khu Nam Sơn\"}").status()).isEqualTo(202);
        assertThat(admin.put("/api/v1/villages/15274/T9", "{\"name\": \"Thôn cũ\", \"reviewYear\": 2024}").status()).isEqualTo(202);
        IngestClient reviewer = admin.as(ingest.newReviewerToken("15274"));

        HttpResponse<byte[]> answer = reviewer.download(reviewer.request(TEMPLATE).GET());

        try (XSSFWorkbook template = Workbooks.open(answer.body())) {
            List<List<String>> rows = rowsOf(template.getSheet("Danh mục xã"));
            assertThat(rows.get(0)).last().isEqualTo("Thôn, tổ dân phố đã đăng ký (villageCode)");
            assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(6) + ": " + row.get(7)).containsExactlyInAnyOrder(
                    "2025 trở đi: TK1 Tiểu khu Nam Sơn; TK2 Tiểu khu Bắc Sơn",
                    "2022–2024: T9 Thôn cũ");
        }
    }

    @Test
    void uploadsFilledInWithoutASingleEditEveryRowAccepted() {
        IngestClient reviewer = admin.as(ingest.newReviewerToken("15271"));
        byte[] template = reviewer.download(reviewer.request(TEMPLATE).GET()).body();
        List<List<Object>> households = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            boolean poor = i % 2 == 1;
            List<Object> row = new ArrayList<>(Arrays.asList("HH-TPL-" + i, 2025, LocalDateTime.of(2025, 11, 3, 8, i), "38", null,
                    "15271", "TK" + i, i == 5 ? "Thành thị" : "Nông thôn", i + 1, poor ? 1_200_000 : 2_600_000,
                    poor ? "Hộ nghèo" : "Không nghèo"));
            for (int indicator = 0; indicator < 12; indicator++) {
                row.add(poor && indicator < 3 ? "Có" : indicator == 11 ? null : "Không");
            }
            row.addAll(List.of("Có", "Không", "Không", "Không", "Có"));
            households.add(row);
        }

        HttpResult result = reviewer.post("/api/v1/reviews", Workbooks.MEDIA_TYPE, Workbooks.filledIn(template, households));

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(5);
        assertThat(result.json().get("rejected")).isEmpty();
        assertThat(result.json().get("ignoredColumns")).isEmpty();
        String submission = result.json().get("submissionId").asText();
        List<ConsumerRecord<String, HouseholdReview>> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().householdReviews()).stream()
                        .filter(r -> submission.equals(r.value().getSubmissionId())).toList(), r -> r.size() == 5);
        HouseholdReview first = stored.stream().filter(r -> r.key().equals("2025/HH-TPL-1")).findFirst().orElseThrow().value();
        assertThat(first.getDeprivations()).containsExactly(Indicator.EMPLOYMENT, Indicator.DEPENDENTS, Indicator.NUTRITION);
        assertThat(first.getEthnicMinority()).isTrue();
        assertThat(first.getAgricultureForestryFishery()).isTrue();
        assertThat(first.getDistrictCode()).isNull();
    }

    @Test
    void refusesSomeoneWithoutAToken() {
        HttpResult result = ingest.anonymous().get(TEMPLATE);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("error").asText()).isEqualTo("unauthorized");
    }

    /** The drop-down list of each column that has one: its words, or the range it takes them from. */
    private static Map<String, List<String>> dropDownLists(Sheet sheet, List<String> header) {
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        for (DataValidation validation : sheet.getDataValidations()) {
            if (validation.getValidationConstraint().getValidationType() != ValidationType.LIST) {
                continue;
            }
            CellRangeAddress range = validation.getRegions().getCellRangeAddress(0);
            assertThat(range.getFirstRow()).isEqualTo(1);
            assertThat(range.getLastRow()).isGreaterThanOrEqualTo(10_000);
            String[] words = validation.getValidationConstraint().getExplicitListValues();
            lists.put(header.get(range.getFirstColumn()), words != null ? List.of(words)
                    : List.of(validation.getValidationConstraint().getFormula1()));
        }
        return lists;
    }

    private static List<List<String>> rowsOf(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            rows.add(cells(row));
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : SHOWN.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
