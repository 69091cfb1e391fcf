package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;
import vn.povertyreview.testsupport.RealCommunes;

/**
 * A province's review list as one workbook: 200,000 rows, the most one upload may hold, written
 * with POI's streaming writer. It fits under the default body limit and is read row by row inside
 * the memory the tests run with (the surefire JVM's heap, shared with the broker and ingest), so
 * every row is accepted.
 */
class LargeWorkbookTest {

    private static final int ROWS = 200_000;

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
    void acceptsEveryRowOfA200000RowWorkbookWithinTheBodyLimit() throws Exception {
        byte[] workbook = workbook(ROWS);
        assertThat((long) workbook.length).as("workbook size").isLessThan(IngestSettings.DEFAULT_MAX_BODY_BYTES);
        assertThat(ROWS).isEqualTo(IngestSettings.DEFAULT_MAX_RECORDS);

        // Judging and storing 200,000 reviews takes a while on a busy machine; the answer is what is checked.
        HttpResult result = admin.send(admin.request("/api/v1/reviews").timeout(Duration.ofMinutes(5))
                .header("Content-Type", Workbooks.MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(workbook)));

        assertThat(result.status()).as(result.body().length() > 2000 ? result.body().substring(0, 2000) : result.body())
                .isEqualTo(202);
        assertThat(result.json().get("accepted").asInt()).isEqualTo(ROWS);
        assertThat(result.json().get("rejected")).isEmpty();
    }

    private static byte[] workbook(int rows) throws Exception {
        List<String> communes = RealCommunes.of(2025, "38");
        // Shared strings, as Excel writes them; 100 rows in memory at a time.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbooks.Styles styles = new Workbooks.Styles(workbook);
            Sheet sheet = workbook.createSheet("Danh sách");
            List<Object> header = List.of("Mã hộ", "Năm rà soát", "Ngày rà soát", "Mã tỉnh", "Mã xã", "Thôn/tổ dân phố", "Khu vực",
                    "Số nhân khẩu", "Thu nhập bình quân đầu người/tháng", "Thiếu hụt", "Phân loại", "Họ tên chủ hộ");
            write(sheet.createRow(0), header, styles);
            LocalDateTime reviewed = LocalDateTime.of(2025, 11, 3, 8, 0);
            for (int i = 1; i <= rows; i++) {
                write(sheet.createRow(i), List.of("HH-BIG-" + i, 2025, reviewed.plusMinutes(i % 600), 38,
                        Integer.parseInt(communes.get(i % communes.size())), "TK" + (i % 9), i % 3 == 0 ? "Thành thị" : "Nông thôn",
                        1 + i % 7, new Workbooks.Grouped(900_000 + (i % 50) * 50_000L), i % 2 == 0 ? "dinh dưỡng;việc làm" : "",
                        i % 5 == 0 ? "Hộ nghèo" : "Không nghèo", "Chủ hộ số " + i), styles);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<Object> cells, Workbooks.Styles styles) {
        for (int c = 0; c < cells.size(); c++) {
            styles.write(row.createCell(c), cells.get(c));
        }
    }
}
