package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.pipeline.targets.TargetImport;

/**
 * The dashboard's live alerts end to end, in a real headless Chromium against the real embedded
 * pipeline: a page is open, reviews that leave Xã Hà Trung behind its target are submitted over
 * HTTP, and the alert the streams raise and the sink commits appears on the page without a reload.
 */
class DashboardAlertEndToEndTest {

    /** Where Debian's packages chromium and chromium-driver put the browser and its driver. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String COMMUNE = "15271";
    private static final Duration PAGE = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    static Pipeline pipeline;
    static ReviewClient client;
    static WebDriver browser;

    @BeforeAll
    static void startPipelineAndBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard is tested in headless Chromium, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing:"
                    + " install the Debian packages with 'apt-get install -y chromium chromium-driver' (or run .ci/run).");
        }
        pipeline = TestPipelines.startEmbedded(dataDir, 3);
        client = new ReviewClient(pipeline.ingestUrl(), pipeline.adminToken());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking switches a Chromium on a closed network stalls reaching for updates.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=vi");
        // The driver is named, so that Selenium never tries to download one.
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void anAlertAppearsOnTheOpenDashboardAfterReviewsThatMakeACommuneFallBehindItsTargetAreSubmitted() throws Exception {
        // 2024: 10 households, 4 of them poor. Target for 2025: 2 poor households fewer.
        List<Review> lastYear = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var review = aReview().household("HH-D-" + i).year(2024).inVillage(COMMUNE + "-TK1");
            lastYear.add((i < 4 ? review.poor() : review.notPoor().income(5_000_000L)).build());
        }
        assertThat(client.submit(lastYear).status()).isEqualTo(202);
        TargetImport.Outcome imported = new TargetImport(pipeline.ingestUrl(), pipeline.adminToken(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .importCsv(new StringReader("unitCode,reviewYear,kind,value\n" + COMMUNE + ",2025,HOUSEHOLDS,2\n"));
        assertThat(imported.problems()).isEmpty();

        browser.get(pipeline.ingestUrl() + "/dashboard/");
        await("the sign-in form").atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(pipeline.adminToken());
        browser.findElement(By.id("sign-in-button")).click();
        await("the alerts panel").atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.id("alerts-section")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#alerts li"))).as("no alert yet").isEmpty();

        // 2025: every household reviewed again, still 4 poor: the reduction is behind pace.
        List<Review> thisYear = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var review = aReview().household("HH-D-" + i).year(2025).inVillage(COMMUNE + "-TK1");
            thisYear.add((i < 4 ? review.poor() : review.notPoor().income(5_000_000L)).build());
        }
        assertThat(client.submit(thisYear).status()).isEqualTo(202);

        await("the alert on the open page").atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#alerts li[data-unit='" + COMMUNE + "']")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#alerts li[data-unit='" + COMMUNE + "']")).getText())
                .contains("Xã Hà Trung", "Có nguy cơ");
    }
}
