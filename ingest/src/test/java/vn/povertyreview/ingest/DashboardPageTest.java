package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SeededFigures;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TempDirs;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.schemas.TargetStatusKind;

/**
 * The dashboard in a real headless Chromium, against the real ingest over a real PostgreSQL with
 * {@link SeededFigures}: the drill-down from the nation to a village with the figures PostgreSQL
 * holds, the language switch, the 2025 map without districts and the 2024 one with them, and a
 * viewer refused another province. Screenshots of the main pages go to the docs.
 */
class DashboardPageTest {

    /** Where Debian's packages chromium and chromium-driver put the browser and its driver. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path DOCS = Path.of("..", "docs");
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final NumberFormat VIETNAMESE = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgresServer postgres;
    private static Jdbi jdbi;
    private static RunningIngest ingest;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void startDatabaseIngestAndBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard is tested in headless Chromium, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing:"
                    + " install the Debian packages with 'apt-get install -y chromium chromium-driver' (or run .ci/run).");
        }
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing("dashboard");
        jdbi = vn.povertyreview.sink.SinkDatabase.open(postgres.dataSource("dashboard"));
        SeededFigures.write(jdbi);
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap), ReportDatabase.of(jdbi));
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking switches a Chromium on a closed network stalls reaching for updates.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1400", "--lang=vi");
        // The driver is named, so that Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (profile != null) {
            TempDirs.deleteQuietly(profile);
        }
    }

    @Test
    void drillsDownFromTheNationToAVillageShowingTheFiguresPostgresHolds() throws IOException {
        signIn(RunningIngest.ADMIN_TOKEN, "");

        // No figures of the current calendar year yet: the page opens the latest year that has some.
        awaitUnit("Việt Nam (VN) – 2025");
        // The stylesheet the pages share (/common/pages.css) is loaded: it colours the top bar.
        assertThat(browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color")).isEqualTo("rgba(18, 53, 91, 1)");
        assertFiguresAreThoseOfPostgres(2025, "VN");
        assertChildrenAreThoseOfPostgres(2025, "VN");
        screenshot("dashboard-nation.png");

        open("38");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2025");
        assertFiguresAreThoseOfPostgres(2025, "38");
        assertChildrenAreThoseOfPostgres(2025, "38");
        assertThat(childCodes()).as("worst first: 15271's target is missed").containsExactly("15271", "14758");
        screenshot("dashboard-province.png");

        open("15271");
        awaitUnit("Xã Hà Trung (15271) – 2025");
        assertChildrenAreThoseOfPostgres(2025, "15271");
        assertThat(browser.findElements(By.cssSelector("#disagreements tbody tr"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#trend circle"))).extracting(point -> point.getAttribute("data-year"))
                .containsExactly("2025", "2026");
        assertThat(browser.findElements(By.cssSelector("#deprivations rect"))).hasSize(12);
        assertThat(element("balances").findElement(By.cssSelector("[data-identity=POOR_BALANCE]")).getAttribute("class"))
                .isEqualTo("ok");
        screenshot("dashboard-commune.png");

        open("15271-TK1");
        awaitUnit("Tiểu khu Tân Lập (15271-TK1) – 2025");
        assertFiguresAreThoseOfPostgres(2025, "15271-TK1");
        assertThat(breadcrumbCodes()).containsExactly("VN", "38", "15271");
    }

    @Test
    void the2025DrillDownHasNoDistrictLevelAndThe2024OneHas() {
        signIn(RunningIngest.ADMIN_TOKEN, "#/2025/VN");
        awaitUnit("Việt Nam (VN) – 2025");
        open("38");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2025");
        assertThat(element("children").getAttribute("data-level")).isEqualTo("COMMUNE");
        assertThat(element("children-title").getText()).isEqualTo("Xã, phường, thị trấn");

        new Select(element("year")).selectByValue("2024");
        awaitUnit("Việt Nam (VN) – 2024");
        open("38");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2024");
        assertThat(element("children").getAttribute("data-level")).isEqualTo("DISTRICT");
        open("392");
        awaitUnit("Huyện Hà Trung (392) – 2024");
        open("15271");
        // The same code is another unit in the 2024 map, and is shown with that map's name.
        awaitUnit("Thị trấn Hà Trung (15271) – 2024");
        assertThat(breadcrumbCodes()).containsExactly("VN", "38", "392");
    }

    @Test
    void switchesBetweenVietnameseAndEnglish() {
        signIn(RunningIngest.ADMIN_TOKEN, "#/2025/38");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2025");
        assertThat(element("title").getText()).isEqualTo("Bảng theo dõi rà soát hộ nghèo, hộ cận nghèo");

        element("lang-en").click();

        assertThat(element("title").getText()).isEqualTo("Household poverty review dashboard");
        assertThat(element("children-title").getText()).isEqualTo("Communes");
        assertThat(header("poorRate")).isEqualTo("Poverty rate (%)");
        assertThat(browser.findElement(By.cssSelector("#children tr[data-code='15271'] .target-status")).getText()).isEqualTo("Missed");
        element("lang-vi").click();
        assertThat(header("poorRate")).isEqualTo("Tỷ lệ hộ nghèo (%)");
        assertThat(browser.findElement(By.cssSelector("#children tr[data-code='15271'] .target-status")).getText()).isEqualTo("Không đạt");
    }

    @Test
    void aViewerOfOneProvinceStartsThereAndIsRefusedAnotherProvincesPageAndReport() {
        HttpResult created = ingest.admin().post("/api/v1/viewers", "application/json", "{\"provinceCodes\": [\"38\"]}");
        String viewerToken = created.json().get("token").asText();

        signIn(viewerToken, "");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2025");
        browser.get(ingest.service().baseUri() + "/dashboard/#/2025/01");

        await("the refusal").atMost(PAGE).ignoreExceptions().until(() -> element("problem").isDisplayed());
        assertThat(element("problem").getAttribute("data-rule")).isEqualTo("unitCode.notPermitted");
        assertThat(element("problem").getText()).contains("01");
        assertThat(element("unit").isDisplayed()).isFalse();
        assertThat(ingest.anonymous().as(viewerToken).get("/api/v1/reports/2025/01.xlsx").status()).isEqualTo(403);
    }

    @Test
    void anAlertAppearsOnTheOpenPageWhenItCommitsAndOnlyForAPageThatMayReadItsUnit() throws IOException {
        signIn(RunningIngest.ADMIN_TOKEN, "#/2025/38");
        awaitUnit("Tỉnh Thanh Hóa (38) – 2025");
        await("following the alerts").atMost(PAGE).ignoreExceptions().until(() -> element("alerts-section").isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#alerts li[data-unit='392']"))).isEmpty();

        // A unit of no other test's page, so that its new status changes no other test's order.
        String alertId = SeededFigures.targetTurns(jdbi, 2024, "392", "Huyện Hà Trung", TargetStatusKind.MISSED, 1_000);

        await("the alert on the open page").atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#alerts li[data-alert-id='" + alertId + "']")).isDisplayed());
        WebElement alert = browser.findElement(By.cssSelector("#alerts li[data-alert-id='" + alertId + "']"));
        assertThat(alert.getText()).contains("Huyện Hà Trung", "Không đạt");
        screenshot("dashboard-alerts.png");

        // A viewer of another province gets only what it may read: not this alert.
        HttpResult created = ingest.admin().post("/api/v1/viewers", "application/json", "{\"provinceCodes\": [\"01\"]}");
        signIn(created.json().get("token").asText(), "");
        awaitUnit("Thành phố Hà Nội (01) – 2025");
        assertThat(browser.findElements(By.cssSelector("#alerts li"))).isEmpty();
        assertThat(element("no-alerts").isDisplayed()).isTrue();
    }

    private static void signIn(String token, String hash) {
        // Signed out on another page of the same origin, so that no earlier dashboard is still loading.
        browser.get(ingest.service().baseUri() + "/health");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(ingest.service().baseUri() + "/dashboard/" + hash);
        await("the sign-in form").atMost(PAGE).ignoreExceptions().until(() -> element("sign-in").isDisplayed());
        element("token").sendKeys(token);
        element("sign-in-button").click();
        await("signed in").atMost(PAGE).ignoreExceptions().until(() -> element("workspace").isDisplayed());
    }

    private static void open(String unitCode) {
        browser.findElement(By.cssSelector("#children a[data-code='" + unitCode + "']")).click();
    }

    private static void awaitUnit(String title) {
        await("the page of " + title).atMost(PAGE).ignoreExceptions()
                .until(() -> element("unit").isDisplayed() && element("unit-name").getText().equals(title));
    }

    private static void assertFiguresAreThoseOfPostgres(int year, String unitCode) {
        Map<String, Object> row = rollupRow(year, unitCode);
        assertThat(element("fig-households").getText()).isEqualTo(shown(row.get("total_households")));
        assertThat(element("fig-poor").getText()).isEqualTo(shown(row.get("poor_households")));
        assertThat(element("fig-poor-rate").getText()).isEqualTo(row.get("poor_rate").toString());
    }

    private static void assertChildrenAreThoseOfPostgres(int year, String unitCode) {
        List<Map<String, Object>> children = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT unit_code, total_households, poor_households,
                               round(poor_households * 100::numeric / NULLIF(total_households, 0), 2) AS poor_rate
                          FROM unit_rollup WHERE review_year = :year AND parent_code = :unit""")
                .bind("year", year).bind("unit", unitCode).mapToMap().list());
        assertThat(childCodes()).containsExactlyInAnyOrderElementsOf(children.stream().map(c -> (String) c.get("unit_code")).toList());
        for (Map<String, Object> child : children) {
            WebElement row = browser.findElement(By.cssSelector("#children tr[data-code='" + child.get("unit_code") + "']"));
            assertThat(row.findElement(By.className("households")).getText()).isEqualTo(shown(child.get("total_households")));
            assertThat(row.findElement(By.className("poor")).getText()).isEqualTo(shown(child.get("poor_households")));
            assertThat(row.findElement(By.className("poor-rate")).getText()).isEqualTo(child.get("poor_rate").toString());
        }
    }

    private static Map<String, Object> rollupRow(int year, String unitCode) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT total_households, poor_households,
                               round(poor_households * 100::numeric / NULLIF(total_households, 0), 2) AS poor_rate
                          FROM unit_rollup WHERE review_year = :year AND unit_code = :unit""")
                .bind("year", year).bind("unit", unitCode).mapToMap().one());
    }

    private static String shown(Object count) {
        return VIETNAMESE.format(((Number) count).longValue());
    }

    private static List<String> childCodes() {
        return browser.findElements(By.cssSelector("#children tbody tr[data-code]")).stream()
                .map(row -> row.getAttribute("data-code")).toList();
    }

    private static List<String> breadcrumbCodes() {
        return browser.findElements(By.cssSelector("#breadcrumb a")).stream().map(link -> link.getAttribute("data-code")).toList();
    }

    private static String header(String key) {
        return browser.findElement(By.cssSelector("#children th[data-sort='" + key + "']")).getText();
    }

    private static WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(DOCS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
