package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.ingest.ReviewSubmissionTest.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import vn.povertyreview.ingest.support.Workbooks;
import vn.povertyreview.ingest.support.Workbooks.Grouped;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.Indicator;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.testsupport.RealCommunes;

/**
 * Review lists as commune reviewers keep them in Excel, sent as real XLSX workbooks written with
 * POI and as CSV the way spreadsheets save it: Vietnamese headers and values, semicolons, dates
 * day first, and the head of household's name and ID-card number beside the review.
 */
class SpreadsheetUploadTest {

    private static final String REVIEWS = "/api/v1/reviews";
    private static final String XLSX = Workbooks.MEDIA_TYPE;
    private static final Duration VISIBLE = Duration.ofSeconds(30);
    private static final List<Object> VIETNAMESE_HEADER = List.of("Mã hộ", "Năm rà soát", "Ngày rà soát", "Mã tỉnh", "Mã huyện",
            "Mã xã", "Thôn/tổ dân phố", "Khu vực", "Số nhân khẩu", "Thu nhập bình quân đầu người/tháng", "Thiếu hụt", "Phân loại",
            "Dân tộc thiểu số", "Họ tên chủ hộ", "Số CCCD");

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
    void readsAWorkbookOfNumberDateAndTextCellsAsExcelStoresThem() {
        byte[] workbook = Workbooks.of("Danh sách", List.of(
                VIETNAMESE_HEADER,
                row("HH-XL-1", 2024, LocalDateTime.of(2024, 11, 12, 8, 30), 38, 392, 15271, "TK1", "Thành thị", 4,
                        new Grouped(1_800_000), "dinh dưỡng, nhà tiêu hợp vệ sinh; TELECOM", "Hộ nghèo", true,
                        "Nguyễn Văn An", "038090001234"),
                row("HH-XL-2", 2024.0, LocalDate.of(2024, 11, 13), "38", "392", "15271", "TK2", "nông thôn", 5.0,
                        "1.400.000", null, "Hộ cận nghèo", "Không", "Lê Thị Bình", "038190004321")));

        HttpResult result = admin.post(REVIEWS, XLSX, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(result.json().get("ignoredColumns")).extracting(c -> c.get("column").asText(), c -> c.get("rule").asText())
                .containsExactly(tuple("Họ tên chủ hộ", "column.personalData"), tuple("Số CCCD", "column.personalData"));
        List<ConsumerRecord<String, HouseholdReview>> stored = reviewsOf(result);
        HouseholdReview first = storedUnder(stored, "2024/HH-XL-1");
        assertThat(first.getReviewedAt()).isEqualTo(Instant.parse("2024-11-12T01:30:00Z"));
        assertThat(first.getProvinceCode()).isEqualTo("38");
        assertThat(first.getDistrictCode()).isEqualTo("392");
        assertThat(first.getCommuneCode()).isEqualTo("15271");
        assertThat(first.getArea().name()).isEqualTo("URBAN");
        assertThat(first.getMembers()).isEqualTo(4);
        assertThat(first.getIncomePerCapitaMonthlyVnd()).isEqualTo(1_800_000L);
        assertThat(first.getDeprivations()).containsExactly(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM);
        assertThat(first.getClassification().name()).isEqualTo("POOR");
        assertThat(first.getEthnicMinority()).isTrue();
        HouseholdReview second = storedUnder(stored, "2024/HH-XL-2");
        assertThat(second.getReviewedAt()).as("a date without a time: its start in Vietnam")
                .isEqualTo(Instant.parse("2024-11-12T17:00:00Z"));
        assertThat(second.getMembers()).isEqualTo(5);
        assertThat(second.getClassification().name()).isEqualTo("NEAR_POOR");
        assertThat(second.getEthnicMinority()).isFalse();
    }

    @Test
    void givesBackTheLeadingZerosASpreadsheetDropsFromCodesTypedAsNumbers() {
        String commune = RealCommunes.of(2025, "01").get(0);
        assertThat(commune).startsWith("0");
        byte[] workbook = Workbooks.of("Sheet1", List.of(
                row("householdId", "reviewYear", "reviewedAt", "provinceCode", "communeCode", "villageCode", "area", "members",
                        "classification"),
                row("HH-XL-ZERO", 2025, LocalDateTime.of(2025, 11, 3, 9, 0), 1, Integer.parseInt(commune), 7, "RURAL", 3,
                        "NOT_POOR")));

        HttpResult result = admin.post(REVIEWS, XLSX, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        HouseholdReview stored = storedUnder(reviewsOf(result), "2025/HH-XL-ZERO");
        assertThat(stored.getProvinceCode()).isEqualTo("01");
        assertThat(stored.getCommuneCode()).isEqualTo(commune);
        assertThat(stored.getVillageCode()).as("a village code is no national code: taken as written").isEqualTo("7");
    }

    @Test
    void namesTheSheetRowAndCellOfEachErrorAndKeepsOnlyReviewFieldsOfTheRejectedRow() {
        byte[] workbook = Workbooks.of("Sheet1", List.of(
                VIETNAMESE_HEADER,
                row("HH-XL-BAD", 2024, LocalDateTime.of(2024, 11, 12, 8, 30), 38, 392, 15271, "TK1", "Miền núi", 4.5,
                        1_800_000, null, "Hộ nghèo", true, "Trần Văn Cường", "038090009999")));

        HttpResult result = admin.post(REVIEWS, XLSX, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        JsonNode rejection = result.json().get("rejected").get(0);
        assertThat(rejection.get("sheet").asText()).isEqualTo("Sheet1");
        assertThat(rejection.get("line").asInt()).isEqualTo(2);
        assertThat(rules(rejection)).containsExactlyInAnyOrder("area.unknown", "members.type");
        JsonNode area = ReviewSubmissionTest.errorWithRule(rejection, "area.unknown");
        assertThat(area.get("messageEn").asText()).startsWith("Cell Sheet1!H2: ").contains("Nông thôn");
        assertThat(area.get("messageVi").asText()).startsWith("Ô Sheet1!H2: ");
        assertThat(ReviewSubmissionTest.errorWithRule(rejection, "members.type").get("messageEn").asText())
                .startsWith("Cell Sheet1!I2: ").contains("4.5");
        assertThat(result.body()).doesNotContain("Trần Văn Cường").doesNotContain("038090009999");

        RejectedReview kept = await().atMost(VISIBLE).until(() -> rejectionsOf(result), r -> r.size() == 1).get(0).value();
        assertThat(kept.getOriginal()).contains("HH-XL-BAD").contains("Miền núi")
                .doesNotContain("Trần Văn Cường").doesNotContain("038090009999");
        assertThat(kept.getViolations()).extracting(v -> v.getMessageEn()).anyMatch(m -> m.startsWith("Cell Sheet1!H2: "));
    }

    @Test
    void readsTheSheetNamedInTheQueryAndRefusesOneThatIsNotThere() {
        List<List<Object>> reviews = List.of(
                row("householdId", "reviewYear", "reviewedAt", "provinceCode", "communeCode", "villageCode", "area", "members",
                        "classification"),
                row("HH-XL-SHEET", 2025, "03/11/2025 09:00", "38", "15271", "TK1", "RURAL", 2, "POOR"));
        byte[] workbook = Workbooks.of(List.of(
                new Workbooks.SheetRows("Hướng dẫn", List.of(row("Điền danh sách ở trang tính thứ hai."))),
                new Workbooks.SheetRows("Danh sách hộ", reviews)));

        HttpResult first = admin.post(REVIEWS, XLSX, workbook);
        HttpResult named = admin.post(REVIEWS + "?sheet=" + java.net.URLEncoder.encode("Danh sách hộ", StandardCharsets.UTF_8),
                XLSX, workbook);
        HttpResult missing = admin.post(REVIEWS + "?sheet=Sheet9", XLSX, workbook);
        HttpResult repeated = admin.post(REVIEWS + "?sheet=A&sheet=B", XLSX, workbook);

        assertThat(first.status()).as(first.toString()).isEqualTo(400);
        assertThat(first.json().get("rule").asText()).isEqualTo("header.missing");
        assertThat(first.json().get("messageEn").asText()).contains("sheet 'Hướng dẫn'");
        assertThat(named.status()).as(named.toString()).isEqualTo(202);
        assertThat(named.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("rule").asText()).isEqualTo("xlsx.sheet");
        assertThat(missing.json().get("sheets")).extracting(JsonNode::asText).containsExactly("Hướng dẫn", "Danh sách hộ");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().get("errors").get(0).get("rule").asText()).isEqualTo("sheet.repeated");
    }

    @Test
    void readsASemicolonCsvWithVietnameseHeadersValuesAndDatesAsExcelSavesIt() {
        String csv = "\uFEFF" + String.join("\r\n",
                "Mã hộ;Năm rà soát;Ngày rà soát;Mã tỉnh;Mã huyện;Mã xã;Thôn/tổ dân phố;Khu vực;Số nhân khẩu;"
                        + "Thu nhập bình quân đầu người/tháng;Thiếu hụt;Phân loại;Dân tộc thiểu số;Họ tên chủ hộ;Số điện thoại",
                "HH-SC-1;2024;12/11/2024;38;392;15271;TK1;Thành thị;4;1.800.000;\"dinh dưỡng;nhà tiêu hợp vệ sinh\";Hộ nghèo;Có;Nguyễn Văn An;0912345678",
                "HH-SC-2;2024;12/11/2024 14:05;38;392;15271;TK2;Nông thôn;3;1.200.000;bảo hiểm y tế, việc làm;Cận nghèo;không;Lê Thị Bình;0987654321")
                + "\r\n";

        HttpResult result = admin.post(REVIEWS, "text/csv", csv);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(result.json().get("ignoredColumns")).extracting(c -> c.get("column").asText())
                .containsExactly("Họ tên chủ hộ", "Số điện thoại");
        List<ConsumerRecord<String, HouseholdReview>> stored = reviewsOf(result);
        HouseholdReview first = storedUnder(stored, "2024/HH-SC-1");
        assertThat(first.getReviewedAt()).isEqualTo(Instant.parse("2024-11-11T17:00:00Z"));
        assertThat(first.getDeprivations()).containsExactly(Indicator.NUTRITION, Indicator.SANITATION);
        assertThat(first.getIncomePerCapitaMonthlyVnd()).isEqualTo(1_800_000L);
        HouseholdReview second = storedUnder(stored, "2024/HH-SC-2");
        assertThat(second.getReviewedAt()).isEqualTo(Instant.parse("2024-11-12T07:05:00Z"));
        assertThat(second.getDeprivations()).containsExactly(Indicator.EMPLOYMENT, Indicator.HEALTH_INSURANCE);
        assertThat(second.getArea().name()).isEqualTo("RURAL");
    }

    @Test
    void readsOneCoKhongColumnPerIndicatorAndHeadersWrittenInBothLanguages() {
        byte[] workbook = Workbooks.of("Sheet1", List.of(
                row("Mã hộ (householdId)", "Năm rà soát (reviewYear)", "Thời điểm rà soát (reviewedAt)", "Mã tỉnh (provinceCode)",
                        "Mã xã (communeCode)", "Mã thôn/tổ dân phố (villageCode)", "Khu vực (area)", "Số nhân khẩu (members)",
                        "Kết quả phân loại (classification)", "Thiếu hụt dinh dưỡng (NUTRITION)", "Thiếu hụt nhà tiêu hợp vệ sinh",
                        "thiếu hụt việc làm", "Thiếu hụt bảo hiểm y tế (HEALTH_INSURANCE)", "Thiếu hụt sử dụng dịch vụ viễn thông"),
                row("HH-XL-COLS-1", 2025, LocalDateTime.of(2025, 11, 3, 9, 0), "38", "15271", "TK1", "Nông thôn", 4, "Hộ nghèo",
                        "Có", true, 1, "Không", null),
                row("HH-XL-COLS-2", 2025, LocalDateTime.of(2025, 11, 3, 9, 5), "38", "15271", "TK1", "Nông thôn", 2, "Không nghèo",
                        null, false, 0, null, "không")));

        HttpResult result = admin.post(REVIEWS, XLSX, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(result.json().get("ignoredColumns")).isEmpty();
        List<ConsumerRecord<String, HouseholdReview>> stored = reviewsOf(result);
        assertThat(storedUnder(stored, "2025/HH-XL-COLS-1").getDeprivations())
                .containsExactly(Indicator.EMPLOYMENT, Indicator.NUTRITION, Indicator.SANITATION);
        assertThat(storedUnder(stored, "2025/HH-XL-COLS-2").getDeprivations()).isEmpty();
    }

    @Test
    void namesTheCellOfAnIndicatorColumnThatHoldsNoCoOrKhong() {
        byte[] workbook = Workbooks.of("Sheet1", List.of(
                row("householdId", "reviewYear", "reviewedAt", "provinceCode", "communeCode", "villageCode", "area", "members",
                        "classification", "Thiếu hụt dinh dưỡng (NUTRITION)", "Thiếu hụt nhà tiêu hợp vệ sinh (SANITATION)"),
                row("HH-XL-COLS-BAD", 2025, LocalDateTime.of(2025, 11, 3, 9, 0), "38", "15271", "TK1", "RURAL", 4, "POOR",
                        "Có lẽ", "Có")));

        HttpResult result = admin.post(REVIEWS, XLSX, workbook);

        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        JsonNode error = ReviewSubmissionTest.errorWithRule(result.json().get("rejected").get(0), "deprivations.flag");
        assertThat(error.get("field").asText()).isEqualTo("deprivations.NUTRITION");
        assertThat(error.get("cell").asText()).isEqualTo("Sheet1!J2");
        assertThat(error.get("messageVi").asText()).startsWith("Ô Sheet1!J2: ").contains("dinh dưỡng", "Có lẽ");
        assertThat(error.get("messageEn").asText()).startsWith("Cell Sheet1!J2: ").contains("NUTRITION");
    }

    @Test
    void readsIndicatorColumnsInCsvButRefusesThemBesideAListOfDeprivations() {
        String header = "Mã hộ;Năm rà soát;Ngày rà soát;Mã tỉnh;Mã xã;Thôn;Khu vực;Số nhân khẩu;Phân loại;"
                + "Thiếu hụt việc làm;Thiếu hụt nguồn nước sinh hoạt;Mã hộ (reviewYear)";
        String csv = header + "\nHH-SC-COLS;2025;03/11/2025 09:00;38;15271;TK1;Nông thôn;3;Hộ cận nghèo;Có;không;x\n";

        HttpResult result = admin.post(REVIEWS, "text/csv", csv);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(storedUnder(reviewsOf(result), "2025/HH-SC-COLS").getDeprivations()).containsExactly(Indicator.EMPLOYMENT);
        assertThat(result.json().get("ignoredColumns")).as("halves naming two fields name neither")
                .extracting(c -> c.get("column").asText(), c -> c.get("rule").asText())
                .containsExactly(tuple("Mã hộ (reviewYear)", "column.unknown"));

        HttpResult both = admin.post(REVIEWS, "text/csv", header.replace(";Mã hộ (reviewYear)", ";Thiếu hụt")
                + "\nHH-SC-BOTH;2025;03/11/2025;38;15271;TK1;Nông thôn;3;Hộ cận nghèo;Có;Không;việc làm\n");

        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(both.json().get("rule").asText()).isEqualTo("header.duplicate");
        assertThat(both.json().get("messageVi").asText()).contains("Thiếu hụt việc làm", "mỗi chỉ số một cột Có/Không");
    }

    @Test
    void readsATabSeparatedExportAndHeadersInAnyCaseSpacingOrUnicodeForm() {
        String nfd = java.text.Normalizer.normalize("  MÃ HỘ ", java.text.Normalizer.Form.NFD);
        String csv = String.join("\n",
                nfd + "\tnăm  rà soát\tthời điểm rà soát\tmã tỉnh\tmã xã\tthôn/ tổ dân phố\tkhu vực\tsố nhân khẩu\tkết quả phân loại",
                "HH-TAB-1\t2025\t2025-11-03T09:00:00+07:00\t38\t15271\tTK1\tRURAL\t2\tkhông nghèo") + "\n";

        HttpResult result = admin.post(REVIEWS, "text/csv", csv);

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void saysWhatIsWrongWithTheSeparatorOrTheEncodingAndHowToFixIt() {
        HttpResult pipes = admin.post(REVIEWS, "text/csv", "householdId|reviewYear|communeCode\nHH-1|2025|15271\n");
        HttpResult mixed = admin.post(REVIEWS, "text/csv", "householdId;reviewYear,communeCode;area\nHH-1;2025,15271;RURAL\n");
        byte[] windows1258 = "Mã hộ,Năm rà soát\nHH-1,2025\n".getBytes(Charset.forName("windows-1258"));
        HttpResult legacy = admin.post(REVIEWS, "text/csv", windows1258);

        assertThat(pipes.status()).as(pipes.toString()).isEqualTo(400);
        assertThat(pipes.json().get("rule").asText()).isEqualTo("csv.separator");
        assertThat(pipes.json().get("messageEn").asText()).contains("vertical bar (|)").contains("semicolon (;)");
        assertThat(pipes.json().get("messageVi").asText()).contains("dấu gạch đứng (|)");
        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(400);
        assertThat(mixed.json().get("rule").asText()).isEqualTo("csv.separator");
        assertThat(mixed.json().get("messageEn").asText()).contains("'reviewYear,communeCode'").contains("comma (,)")
                .contains("semicolon (;)");
        assertThat(legacy.status()).as(legacy.toString()).isEqualTo(400);
        assertThat(legacy.json().get("rule").asText()).isEqualTo("csv.encoding");
        assertThat(legacy.json().get("messageEn").asText()).contains("Windows-1258").contains("CSV UTF-8");
        assertThat(legacy.json().get("messageVi").asText()).contains("CSV UTF-8");
    }

    @Test
    void refusesWhatIsNoWorkbookNamingTheRule() {
        HttpResult text = admin.post(REVIEWS, XLSX, "householdId\nHH-1\n");
        HttpResult empty = admin.post(REVIEWS, XLSX, new byte[0]);
        // The header of an OLE2 compound document: an Excel 97-2003 workbook, or an encrypted .xlsx.
        byte[] ole2 = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        HttpResult old = admin.post(REVIEWS, XLSX, ole2);
        byte[] truncated = java.util.Arrays.copyOf(Workbooks.of("Sheet1", List.of(row("householdId"), row("HH-1"))), 300);
        HttpResult damaged = admin.post(REVIEWS, XLSX, truncated);

        assertThat(text.json().get("rule").asText()).as(text.toString()).isEqualTo("xlsx.notAWorkbook");
        assertThat(empty.json().get("rule").asText()).as(empty.toString()).isEqualTo("body.empty");
        assertThat(old.json().get("rule").asText()).as(old.toString()).isEqualTo("xlsx.oldFormat");
        assertThat(damaged.json().get("rule").asText()).as(damaged.toString()).isIn("xlsx.unreadable", "xlsx.notAWorkbook");
        for (HttpResult refusal : List.of(text, empty, old, damaged)) {
            assertThat(refusal.status()).as(refusal.toString()).isEqualTo(400);
            assertThat(refusal.json().get("messageVi").asText()).isNotBlank();
            assertThat(refusal.json().get("messageEn").asText()).isNotBlank();
        }
    }

    @Test
    void refusesAZipBombAndXmlEntitiesForSafety() throws Exception {
        byte[] normal = Workbooks.of("Sheet1", List.of(row("householdId"), row("HH-1")));
        // 50 MB of spaces in the sheet compress to about 50 KB: far beyond any real sheet's ratio.
        String bomb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + " ".repeat(50_000_000) + "</sheetData></worksheet>";
        String entities = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";

        HttpResult inflated = admin.post(REVIEWS, XLSX, withSheet(normal, bomb));
        HttpResult declared = admin.post(REVIEWS, XLSX, withSheet(normal, entities));

        assertThat(inflated.status()).as(inflated.toString()).isEqualTo(400);
        assertThat(inflated.json().get("rule").asText()).isEqualTo("xlsx.unsafe");
        assertThat(inflated.json().get("messageEn").asText()).contains("zip bomb");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(400);
        assertThat(declared.json().get("rule").asText()).isEqualTo("xlsx.unsafe");
        assertThat(declared.json().get("messageEn").asText()).contains("DOCTYPE");
    }

    /**
     * The situations of the issue, each replayed: what used to be refused is taken, and each
     * answer is accepted or a specific, actionable error.
     */
    @Test
    void takesEveryListTheIssueDescribes() {
        String header = "householdId,reviewYear,reviewedAt,provinceCode,districtCode,communeCode,villageCode,area,members,"
                + "incomePerCapitaMonthlyVnd,classification";
        // UTF-8 with a byte order mark and CRLF, and an amount with dots: accepted before, still accepted.
        HttpResult bomCrlf = admin.post(REVIEWS, "text/csv", "\uFEFF" + header + "\r\n"
                + "HH-ISS-1,2024,2024-11-12T08:00:00+07:00,38,392,15271,TK1,URBAN,4,\"1.800.000\",POOR\r\n");
        // Excel in a Vietnamese locale: semicolons.
        HttpResult semicolons = admin.post(REVIEWS, "text/csv", header.replace(',', ';') + "\r\n"
                + "HH-ISS-2;2024;2024-11-12T08:00:00+07:00;38;392;15271;TK1;URBAN;4;1.800.000;POOR\r\n");
        // A date typed the Vietnamese way.
        HttpResult dayFirst = admin.post(REVIEWS, "text/csv", header + "\r\n"
                + "HH-ISS-3,2024,12/11/2024,38,392,15271,TK1,URBAN,4,1800000,POOR\r\n");
        // A workbook.
        HttpResult workbook = admin.post(REVIEWS, XLSX, Workbooks.of("Sheet1", List.of(
                row((Object[]) header.split(",")),
                row("HH-ISS-4", 2024, LocalDate.of(2024, 11, 12), 38, 392, 15271, "TK1", "URBAN", 4, 1_800_000, "POOR"))));
        // A real list with the head's name and ID-card number.
        HttpResult withPersonalColumns = admin.post(REVIEWS, "text/csv", header + ",Họ tên chủ hộ,CCCD\r\n"
                + "HH-ISS-5,2024,12/11/2024,38,392,15271,TK1,URBAN,4,1800000,POOR,Phạm Thị Dung,038190001111\r\n");
        // A JSON record with the head's name in an extra field.
        HttpResult jsonWithName = admin.post(REVIEWS, "application/json", "{\"householdId\":\"HH-ISS-6\",\"reviewYear\":2024,"
                + "\"reviewedAt\":\"2024-11-12T08:00:00+07:00\",\"provinceCode\":\"38\",\"districtCode\":\"392\",\"communeCode\":\"15271\","
                + "\"villageCode\":\"TK1\",\"area\":\"Thành thị\",\"members\":4,\"classification\":\"Hộ nghèo\",\"headName\":\"Hoàng Văn Em\"}");

        for (HttpResult accepted : List.of(bomCrlf, semicolons, dayFirst, workbook, withPersonalColumns, jsonWithName)) {
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("accepted").asInt()).as(accepted.toString()).isEqualTo(1);
        }
        assertThat(withPersonalColumns.json().get("ignoredColumns")).extracting(c -> c.get("rule").asText())
                .containsExactly("column.personalData", "column.personalData");
        assertThat(jsonWithName.json().get("ignoredColumns").get(0).get("column").asText()).isEqualTo("headName");
        assertThat(withPersonalColumns.body() + jsonWithName.body()).doesNotContain("Phạm Thị Dung").doesNotContain("Hoàng Văn Em");
    }

    private static byte[] withSheet(byte[] workbook, String sheetXml) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(sheetXml.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private static HouseholdReview storedUnder(List<ConsumerRecord<String, HouseholdReview>> stored, String key) {
        return stored.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing stored under " + key)).value();
    }

    private static List<ConsumerRecord<String, HouseholdReview>> reviewsOf(HttpResult result) {
        String submissionId = result.json().get("submissionId").asText();
        int accepted = result.json().get("accepted").asInt();
        return await().atMost(VISIBLE).until(() -> CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().householdReviews())
                .stream().filter(r -> r.value() != null && submissionId.equals(r.value().getSubmissionId())).toList(),
                records -> records.size() == accepted);
    }

    private static List<ConsumerRecord<String, RejectedReview>> rejectionsOf(HttpResult result) {
        String submissionId = result.json().get("submissionId").asText();
        return CommittedRecords.of(ingest.bootstrapServers(), ingest.topics().rejectedReviews()).stream()
                .filter(r -> submissionId.equals(r.value().getSubmissionId()))
                .toList();
    }
}
