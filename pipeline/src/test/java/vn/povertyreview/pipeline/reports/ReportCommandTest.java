package vn.povertyreview.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.pipeline.Pipeline;
import vn.povertyreview.sink.SinkDatabase;
import vn.povertyreview.sink.SinkWriter;
import vn.povertyreview.sink.rollup.RollupRow;

/** {@code ./poverty report ...} against the embedded PostgreSQL of a run, as an official types it. */
class ReportCommandTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path workDir;

    static EmbeddedPostgresServer postgres;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void thanhHoaAndTwoOfItsCommunesIn2025() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing(Pipeline.DATABASE);
        Jdbi jdbi = SinkDatabase.open(postgres.dataSource(Pipeline.DATABASE));
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                rollup(0, "38", "PROVINCE", "Tỉnh Thanh Hóa", "VN", 1_415, 72, 71),
                rollup(1, "15271", "COMMUNE", "Xã Hà Trung", "38", 715, 36, 36),
                rollup(2, "15274", "COMMUNE", "Xã Hà Long", "38", 700, 36, 35)), Map.of());
    }

    @AfterAll
    static void stopIt() {
        postgres.close();
    }

    private static ConsumerRecord<String, RollupRow> rollup(long offset, String code, String level, String name, String parent,
            long households, long poor, long nearPoor) {
        RollupRow row = new RollupRow(code, 2025, "2025-07-01", level, name, parent,
                Map.of(Figure.HOUSEHOLDS, households, Figure.POOR, poor, Figure.NEAR_POOR, nearPoor), Map.of(), 1,
                OffsetDateTime.parse("2025-11-03T09:15:00+07:00"));
        return new ConsumerRecord<>("unit-rollups", 0, offset, "2025/" + code, row);
    }

    private int report(String... arguments) throws Exception {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--db.embedded.port=" + postgres.port());
        return new ReportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all, Map.of());
    }

    @Test
    void writesTheProvincesWorkbookWithOneRowPerCommuneAndTheirTotal() throws Exception {
        Path file = workDir.resolve("thanh-hoa-2025.xlsx");

        assertThat(report("--year=2025", "--unit=38", "--out=" + file)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Report of Tỉnh Thanh Hóa (38), 2025: 6 tables written to " + file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet poverty = workbook.getSheetAt(0);
            assertThat(poverty.getRow(2).getCell(0).getStringCellValue()).isEqualTo("15271");
            assertThat(poverty.getRow(3).getCell(0).getStringCellValue()).isEqualTo("15274");
            assertThat(poverty.getRow(4).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(poverty.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1_415);
            assertThat(poverty.getRow(2).getCell(6).getNumericCellValue()).as("36 of 715, rounded once").isEqualTo(5.03);
            assertThat(poverty.getLastRowNum()).as("the province's own figures equal the sum: no note").isEqualTo(4);
        }
        assertThat(workDir.toFile().list()).as("no partial file left").containsExactly("thanh-hoa-2025.xlsx");
    }

    @Test
    void writesCsvWhenTheFileEndsInCsv() throws Exception {
        Path file = workDir.resolve("ha-trung.csv");

        assertThat(report("--year=2025", "--unit=15271", "--out=" + file)).isZero();

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("15271,Xã Hà Trung,715,36,5.03,36,5.03\r\n");
    }

    @Test
    void aUnitWithoutFiguresWritesNoFile() throws Exception {
        Path file = workDir.resolve("none.xlsx");

        assertThat(report("--year=2025", "--unit=16681", "--out=" + file)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no review figures of unit 16681 for 2025");
        assertThat(file).doesNotExist();
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrongInBothLanguages() {
        assertThatThrownBy(() -> report("--year=2025", "--unit=38", "--out=report.pdf"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".xlsx hoặc .csv").hasMessageContaining(".xlsx or .csv");
        assertThatThrownBy(() -> report("--year=2019", "--unit=38", "--out=report.xlsx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2022").hasMessageContaining("năm rà soát");
        assertThatThrownBy(() -> report("--year=2025", "--unit=99999", "--out=report.xlsx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no unit 99999");
        assertThatThrownBy(() -> report("--year=2025", "--out=report.xlsx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--unit=... là bắt buộc / is required");
    }
}
