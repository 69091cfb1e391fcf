package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.TakesScreenshot;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TempDirs;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;

/**
 * The upload page in a real headless Chromium, against the real ingest on the real broker: a
 * reviewer signs in, uploads a workbook filled in from the template with some bad rows, reads the
 * summary and the rejected rows with their cells and rules in Vietnamese, downloads the rejected
 * rows, fixes them and uploads them again. Screenshots of the page go to the docs.
 */
class UploadPageTest {

    /** Where Debian's packages chromium and chromium-driver put the browser and its driver. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path DOCS = Path.of("..", "docs");
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final DataFormatter SHOWN = new DataFormatter();

    private static RunningIngest ingest;
    private static Path downloads;
    private static Path profile;
    private static Path files;
    private static WebDriver browser;

    @BeforeAll
    static void startIngestAndBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The upload page is tested in headless Chromium, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing:"
                    + " install the Debian packages with 'apt-get install -y chromium chromium-driver' (or run .ci/run).");
        }
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
        downloads = Files.createTempDirectory("upload-page-downloads");
        profile = Files.createTempDirectory("upload-page-chromium");
        files = Files.createTempDirectory("upload-page-files");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking switches a Chromium on a closed network stalls reaching for updates.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=vi");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // The driver is named, so that Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowserAndIngest() {
        if (browser != null) {
            browser.quit();
        }
        if (ingest != null) {
            ingest.close();
        }
        Stream.of(downloads, profile, files).filter(dir -> dir != null).forEach(TempDirs::deleteQuietly);
    }

    @Test
    void aReviewerUploadsAWorkbookReadsItsRejectionsDownloadsThemFixesThemAndUploadsThemAgain() throws IOException {
        String token = ingest.newReviewerToken("15271");
        IngestClient reviewer = ingest.anonymous().as(token);

        browser.get(ingest.service().baseUri() + "/");
        await("the sign-in form").atMost(PAGE).ignoreExceptions().until(() -> visible("sign-in"));
        // The stylesheet the pages share (/common/pages.css) is loaded: it colours the top bar.
        assertThat(browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color")).isEqualTo("rgba(18, 53, 91, 1)");
        element("token").sendKeys(token);
        element("sign-in-button").click();
        await("signed in").atMost(PAGE).ignoreExceptions().until(() -> visible("workspace"));
        assertThat(element("who").getText()).contains("Xã Hà Trung (15271)");
        screenshot("upload-page-signed-in.png");

        byte[] template = reviewer.download(reviewer.request(ReviewTemplateTest.TEMPLATE).GET()).body();
        Path list = files.resolve("danh-sach-xa-ha-trung.xlsx");
        Files.write(list, Workbooks.filledIn(template, List.of(
                household("HH-PAGE-1", "Nông thôn", 4, "Hộ nghèo", "Có"),
                household("HH-PAGE-2", "Miền núi", 3, "Hộ cận nghèo", "Không"),
                household("HH-PAGE-3", "Thành thị", 2, "Không nghèo", null),
                household("HH-PAGE-4", "Nông thôn", 0, "Hộ nghèo", "Có lẽ"))));
        element("file").sendKeys(list.toString());

        await("the summary").atMost(PAGE).ignoreExceptions().until(() -> visible("summary") && visible("rejected-section"));
        assertThat(element("count-accepted").getText()).isEqualTo("2");
        assertThat(element("count-rejected").getText()).isEqualTo("2");
        assertThat(element("count-total").getText()).isEqualTo("4");
        assertThat(element("status").getText()).contains("Đã nhận 2 hộ; 2 hộ bị từ chối");
        assertThat(rejectedRows()).contains(
                List.of("'Danh sách hộ'!H3", "HH-PAGE-2",
                        "Giá trị 'Miền núi' của khu vực không hợp lệ; chỉ được dùng: RURAL (Nông thôn), URBAN (Thành thị)."),
                List.of("'Danh sách hộ'!I5", "HH-PAGE-4", "Số nhân khẩu phải từ 1 đến 100."),
                List.of("'Danh sách hộ'!N5", "HH-PAGE-4",
                        "Cột thiếu hụt dinh dưỡng phải ghi Có hoặc Không (hoặc để trống), không phải 'Có lẽ'."));
        assertThat(browser.findElements(By.cssSelector("#rejected-groups details")))
                .extracting(group -> group.getAttribute("data-rule"))
                .containsExactly("area.unknown", "deprivations.flag", "members.range");
        element("lang-en").click();
        assertThat(element("status").getText()).contains("2 households accepted; 2 rejected");
        assertThat(String.join("\n", rejectedRows().get(0))).contains("'Miền núi' is not a valid area");
        element("lang-vi").click();
        browser.manage().window().setSize(new Dimension(1280, 1150));
        screenshot("upload-page-summary.png");
        browser.manage().window().setSize(new Dimension(1280, 900));

        element("download-rejected").click();
        Path downloaded = await("the rejected rows downloaded").atMost(PAGE)
                .until(() -> downloaded("danh-sach-xa-ha-trung-bi-tu-choi.xlsx"), file -> file != null);
        byte[] fixed;
        try (InputStream in = Files.newInputStream(downloaded); XSSFWorkbook rejected = new XSSFWorkbook(in)) {
            Sheet sheet = rejected.getSheetAt(0);
            List<String> header = cells(sheet.getRow(0));
            assertThat(header.get(0)).isEqualTo("Lỗi (errors)");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(cells(sheet.getRow(1)).get(0)).contains("Miền núi", "[area.unknown]");
            assertThat(cells(sheet.getRow(2)).get(0)).contains("[members.range]", "[deprivations.flag]");
            sheet.getRow(1).getCell(header.indexOf("Khu vực (area)")).setCellValue("Nông thôn");
            sheet.getRow(2).getCell(header.indexOf("Số nhân khẩu (members)")).setCellValue(5);
            sheet.getRow(2).getCell(header.indexOf("Thiếu hụt dinh dưỡng (NUTRITION)")).setCellValue("Có");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rejected.write(out);
            fixed = out.toByteArray();
        }
        Path fixedList = files.resolve("danh-sach-da-sua.xlsx");
        Files.write(fixedList, fixed);
        element("file").sendKeys(fixedList.toString());

        await("the fixed rows accepted").atMost(PAGE).ignoreExceptions()
                .until(() -> element("status").getText().contains("Đã nhận tất cả 2 hộ."));
        assertThat(element("count-rejected").getText()).isEqualTo("0");
        assertThat(visible("rejected-section")).isFalse();
        await("every household on the reviews topic").atMost(PAGE).until(() -> CommittedRecords.of(ingest.bootstrapServers(),
                ingest.topics().householdReviews()).stream().map(r -> r.key()).filter(k -> k.contains("HH-PAGE-")).distinct().count() == 4);
    }

    private static List<Object> household(String id, String area, int members, String classification, String nutrition) {
        List<Object> row = new ArrayList<>(Arrays.asList(id, 2025, LocalDateTime.of(2025, 11, 4, 8, 30), "38", null, "15271", "TK1",
                area, members, 1_300_000, classification));
        for (int indicator = 0; indicator < 12; indicator++) {
            row.add(indicator == 2 ? nutrition : "Không");
        }
        return row;
    }

    private static WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private static boolean visible(String id) {
        return element(id).isDisplayed();
    }

    /** The rejected table as the reviewer reads it: place, household, message. */
    private static List<List<String>> rejectedRows() {
        return browser.findElements(By.cssSelector("tr.rejected-row")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static Path downloaded(String name) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            // Chromium writes a .crdownload file and renames it once the download is complete.
            return files.filter(file -> file.getFileName().toString().equals(name)).findFirst().orElse(null);
        }
    }

    private static void screenshot(String name) throws IOException {
        Files.write(DOCS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : SHOWN.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
