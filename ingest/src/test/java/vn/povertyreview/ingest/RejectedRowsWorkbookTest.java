package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;

/** The workbook of the rows an upload would reject: what is in it, that it stores nothing, and that it comes back fixed. */
class RejectedRowsWorkbookTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final String REJECTED = "/api/v1/reviews/rejected.xlsx";
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
    void holdsTheRejectedRowsWithTheirErrorsAndStoresNothingAndComesBackFixed() throws IOException {
        byte[] upload = Workbooks.of("Sheet1", List.of(
                row("Mã hộ", "Năm rà soát", "Ngày rà soát", "Mã tỉnh", "Mã xã", "Thôn", "Khu vực", "Số nhân khẩu", "Phân loại",
                        "Thiếu hụt dinh dưỡng (NUTRITION)", "Họ tên chủ hộ"),
                row("HH-RR-OK", 2025, LocalDateTime.of(2025, 11, 3, 9, 0), "38", "15271", "TK1", "Nông thôn", 3, "Hộ nghèo", "Có",
                        "Nguyễn Văn An"),
                row("HH-RR-AREA", 2025, LocalDateTime.of(2025, 11, 3, 9, 5), "38", "15271", "TK1", "Miền núi", 4, "Hộ nghèo", "Có",
                        "Trần Thị Bình"),
                row("HH-RR-FLAG", 2025, LocalDateTime.of(2025, 11, 3, 9, 10), "38", "15271", "TK2", "Thành thị", 0, "Không nghèo",
                        "Có lẽ", "Lê Văn Cường")));

        HttpResponse<byte[]> answer = admin.download(admin.request(REJECTED).header("Content-Type", Workbooks.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Rejected-Rows")).hasValue("2");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".xlsx");
        byte[] fixed;
        try (XSSFWorkbook rejected = Workbooks.open(answer.body())) {
            Sheet sheet = rejected.getSheet("Danh sách hộ");
            List<String> header = cells(sheet.getRow(0));
            assertThat(header).startsWith("Lỗi (errors)", "Vị trí trong tệp đã gửi (source)", "Mã hộ (householdId)")
                    .contains("Thiếu hụt dinh dưỡng (NUTRITION)").noneMatch(h -> h.startsWith("Họ tên"));
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            List<String> area = cells(sheet.getRow(1));
            assertThat(area.get(0)).contains("[area.unknown]", "Miền núi", "Nông thôn");
            assertThat(area.get(1)).isEqualTo("Trang tính 'Sheet1', hàng 3");
            assertThat(area.get(2)).isEqualTo("HH-RR-AREA");
            List<String> flag = cells(sheet.getRow(2));
            assertThat(flag.get(0)).contains("[deprivations.flag]", "[members.range]", "Có lẽ");
            int areaColumn = header.indexOf("Khu vực (area)");
            assertThat(sheet.getRow(1).getCell(areaColumn).getCellStyle().getFillForegroundColor())
                    .as("the cell to fix is marked").isEqualTo(IndexedColors.ROSE.getIndex());
            assertThat(sheet.getRow(1).getCell(areaColumn).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getRow(1).getCell(header.indexOf("Mã hộ (householdId)")).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.NO_FILL);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Trần");
            assertThat(allText(sheet)).doesNotContain("Trần Thị Bình", "Lê Văn Cường", "HH-RR-OK");

            sheet.getRow(1).getCell(areaColumn).setCellValue("Nông thôn");
            sheet.getRow(2).getCell(header.indexOf("Thiếu hụt dinh dưỡng (NUTRITION)")).setCellValue("Không");
            sheet.getRow(2).getCell(header.indexOf("Số nhân khẩu (members)")).setCellValue(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rejected.write(out);
            fixed = out.toByteArray();
        }
        HttpResult marker = admin.post(REVIEWS, Workbooks.MEDIA_TYPE, Workbooks.of("Sheet1", List.of(
                row("householdId", "reviewYear", "reviewedAt", "provinceCode", "communeCode", "villageCode", "area", "members",
                        "classification"),
                row("HH-RR-MARKER", 2025, "03/11/2025", "38", "15271", "TK1", "RURAL", 1, "NOT_POOR"))));
        assertThat(marker.status()).isEqualTo(202);
        List<String> stored = await().atMost(Duration.ofSeconds(30)).until(() -> CommittedRecords.of(ingest.bootstrapServers(),
                ingest.topics().householdReviews()).stream().map(r -> r.key()).toList(), keys -> keys.contains("2025/HH-RR-MARKER"));
        assertThat(stored).as("asking for the rejected rows stores nothing").noneMatch(key -> key.contains("HH-RR-OK"));
        assertThat(CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().rejectedReviews())).isEmpty();

        HttpResult again = admin.post(REVIEWS, Workbooks.MEDIA_TYPE, fixed);

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(again.json().get("rejected")).isEmpty();
        assertThat(again.json().get("ignoredColumns")).as("the error and source columns pass in silence").isEmpty();
    }

    @Test
    void listsTheIndicatorsOfAJsonUploadInOneColumnAndSpeaksEnglishWhenAsked() throws IOException {
        String body = "[{\"householdId\":\"HH-RR-JSON\",\"reviewYear\":2025,\"reviewedAt\":\"2025-11-03T09:00:00+07:00\","
                + "\"provinceCode\":\"38\",\"communeCode\":\"15271\",\"villageCode\":\"TK1\",\"area\":\"RURAL\",\"members\":4,"
                + "\"deprivations\":[\"NUTRITION\",\"nothing\"],\"classification\":\"POOR\",\"ethnicMinority\":true,\"headName\":\"Phạm Văn Dũng\"}]";

        HttpResponse<byte[]> answer = admin.inLanguage("en").download(admin.inLanguage("en").request(REJECTED)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook rejected = Workbooks.open(answer.body())) {
            Sheet sheet = rejected.getSheetAt(0);
            List<String> header = cells(sheet.getRow(0));
            List<String> row = cells(sheet.getRow(1));
            assertThat(header).contains("Các chỉ số thiếu hụt (deprivations)").noneMatch(h -> h.startsWith("Thiếu hụt "));
            assertThat(row.get(0)).contains("Unknown deprivation indicator", "[deprivations.unknown]");
            assertThat(row.get(1)).as("where the JSON object starts").isEqualTo("Line 1");
            assertThat(row.get(header.indexOf("Các chỉ số thiếu hụt (deprivations)"))).isEqualTo("NUTRITION; nothing");
            assertThat(row.get(header.indexOf("Hộ dân tộc thiểu số (ethnicMinority)"))).isEqualTo("Có");
            assertThat(row.get(header.indexOf("Thời điểm rà soát (reviewedAt)"))).isEqualTo("03/11/2025 09:00");
            assertThat(allText(sheet)).doesNotContain("Phạm Văn Dũng");
        }
    }

    @Test
    void refusesABodyItCannotReadAsASubmissionWould() {
        HttpResult noHeader = admin.post(REJECTED, "text/csv", "a;b\n1;2\n");
        HttpResult wrongType = admin.post(REJECTED, "text/plain", "hello");
        HttpResult noToken = ingest.anonymous().post(REJECTED, "text/csv", "householdId\nHH-1\n");

        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().get("rule").asText()).isEqualTo("header.missing");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(noToken.status()).isEqualTo(401);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(List.of(cells));
    }

    private static String allText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            cells(row).forEach(cell -> text.append(cell).append('\n'));
        }
        return text.toString();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : SHOWN.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
