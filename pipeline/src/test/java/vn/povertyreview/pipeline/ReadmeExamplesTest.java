package vn.povertyreview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.pipeline.status.StatusCommand;

/**
 * The README's curl examples, run as written against a real pipeline, must be accepted and change
 * rows of unit_rollup (and a {@code ./poverty} command among them must do what it says); its SQL
 * examples must run and find those rows; its settings table must list every setting. So the README
 * cannot drift from the code.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path GUIDE = Path.of("..", "docs", "huong-dan-nguoi-ra-soat.md");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path workDir;
    static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = TestPipelines.startEmbedded(dataDir, 2);
        launcherInWorkDir();
    }

    /**
     * {@code ./poverty} in the directory the examples run in: the launcher's main class on this
     * test's classpath, as the real script runs it after bringing the build up to date.
     */
    private static void launcherInWorkDir() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path launcher = workDir.resolve("poverty");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' vn.povertyreview.pipeline.Main \"$@\"\n", StandardCharsets.UTF_8);
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static List<String> blocks(String language) throws Exception {
        return blocks(README, language);
    }

    private static List<String> blocks(Path document, String language) throws Exception {
        String readme = Files.readString(document, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void curlExamplesAreAcceptedAndTheirReviewsReachTheRollupsAndTheSqlExamplesFindThem() throws Exception {
        List<String> curlExamples = blocks("bash").stream().filter(block -> block.contains("curl -sS")).toList();
        assertThat(curlExamples).hasSize(7);
        for (String example : curlExamples) {
            assertThat(runBash(example)).as("README example\n%s", example).doesNotContain("\"rejected\":[{");
        }
        // The report example saved the workbook and the CSV of commune 15271.
        try (XSSFWorkbook workbook = new XSSFWorkbook(workDir.resolve("ha-trung-2025.xlsx").toFile())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            assertThat(workbook.getSheet("Tiến độ rà soát")).isNotNull();
        }
        assertThat(Files.readString(workDir.resolve("ha-trung-2025.csv"), StandardCharsets.UTF_8)).contains("\r\ntopic,review-progress,");

        await("README reviews in unit_rollup").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(queryLong("SELECT total_households FROM unit_rollup WHERE review_year = 2025 AND unit_code = '15271'"))
                    .as("HH-38-000001..5 in commune 15271, HH-38-000005 withdrawn").isEqualTo(4);
            assertThat(queryLong("SELECT poor_households FROM unit_rollup WHERE review_year = 2025 AND unit_code = '15271'"))
                    .isEqualTo(2);
            assertThat(queryString("SELECT unit_name FROM unit_rollup WHERE review_year = 2025 AND unit_code = '15271-TK1'"))
                    .isEqualTo("Tiểu khu Tân Lập");
            assertThat(queryLong("SELECT total_households FROM unit_rollup WHERE review_year = 2024 AND unit_code = '392'"))
                    .as("the CSV example's two households of Huyện Hà Trung").isEqualTo(2);
            assertThat(queryString("SELECT status FROM target_status WHERE review_year = 2025 AND unit_code = '38'"))
                    .as("Thanh Hóa's 2025 target, far from its stated baseline's 4.73%").isEqualTo("AT_RISK");
            assertThat(queryLong("SELECT count(*) FROM target_gap_alert WHERE review_year = 2025 AND unit_code = '38'")).isEqualTo(1);
            assertThat(queryLong("SELECT count(*) FROM audit_event WHERE action IN ('SUBMISSION', 'WITHDRAWAL')"
                    + " AND units @> '[{\"reviewYear\": 2025, \"unitCode\": \"15271\"}]'"))
                    .as("the uploads of 15271's 2025 reviews and the withdrawal").isEqualTo(4);
            assertThat(queryString("SELECT string_agg(action || ' ' || client, ', ' ORDER BY action) FROM audit_event"
                    + " WHERE detail ->> 'label' = 'Tổ rà soát thôn TK2'"))
                    .as("the audit section's token, created through the API and revoked with ./poverty")
                    .isEqualTo("TOKEN_CREATED API, TOKEN_REVOKED CLI");
            assertThat(queryLong("SELECT count(*) FROM audit_event WHERE action = 'YEAR_REOPENED'")).isEqualTo(1);
        });

        List<String> sqlExamples = blocks("sql");
        assertThat(sqlExamples).isNotEmpty();
        int statements = 0;
        try (Connection connection = pipeline.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String block : sqlExamples) {
                for (String sql : block.split(";")) {
                    String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
                    if (withoutComments.isEmpty()) {
                        continue;
                    }
                    try (ResultSet rs = statement.executeQuery(withoutComments)) {
                        assertThat(rs.next()).as("README query finds rows:\n%s", withoutComments).isTrue();
                    }
                    statements++;
                }
            }
        }
        assertThat(statements).isGreaterThanOrEqualTo(5);

        // The CSV example carries the household heads' names in a column of their own: no table holds them.
        List<String> tables = new ArrayList<>();
        try (Connection connection = pipeline.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table
                        + " t WHERE t::text LIKE '%Nguyễn Văn A%' OR t::text LIKE '%Trần Thị B%'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("rows of %s holding a household head's name", table).isZero();
                }
            }
        }
        assertThat(tables).contains("\"public\".\"unit_rollup\"");
    }

    @Test
    void theReviewersGuideCommandsAreAcceptedAsWritten() throws Exception {
        List<String> commands = blocks(GUIDE, "").stream().filter(block -> block.contains("curl -sS")).toList();
        assertThat(commands).as("curl commands in %s", GUIDE).isNotEmpty();
        for (String command : commands) {
            assertThat(runBash(command)).as("the guide's command\n%s", command).contains("\"token\"");
        }
    }

    /** Runs {@code script} as the README shows it, against this pipeline; returns its output, failing on a non-zero exit. */
    private static String runBash(String script) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(workDir.toFile()).redirectErrorStream(true);
        bash.environment().put("INGEST", pipeline.ingestUrl());
        bash.environment().put("TOKEN", pipeline.adminToken());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s\nanswered\n%s", script, output).isZero();
        return output;
    }

    /**
     * The Metrics section's {@code sh} examples: the curl lines through bash, each
     * printing metrics, and {@code ./poverty status} through the command itself, with the pipeline's
     * address for {@code $INGEST}.
     */
    @Test
    void metricsExamplesPrintTheMetricsAndTheStatusOfEachStage() throws Exception {
        List<String> examples = blocks("sh");
        assertThat(examples).isNotEmpty();
        int curls = 0;
        int statuses = 0;
        for (String block : examples) {
            for (String line : block.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
                if (line.startsWith("./poverty status")) {
                    String[] words = line.replace("$INGEST", pipeline.ingestUrl()).split("\\s+");
                    List<String> arguments = List.of(words).subList(2, words.length);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int status = new StatusCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                            .run(arguments, Map.of());
                    assertThat(status).as(line).isZero();
                    assertThat(out.toString(StandardCharsets.UTF_8)).as(line).contains("Ingest ", "Streams ", "Sink ")
                            .doesNotContain("not served here");
                    statuses++;
                } else {
                    assertThat(line).as("a Metrics example is curl or ./poverty status").startsWith("curl -sS");
                    assertThat(runBash(line)).as(line).contains("poverty_");
                    curls++;
                }
            }
        }
        assertThat(curls).isPositive();
        assertThat(statuses).isPositive();
    }

    @Test
    void settingsTableListsEverySettingWithItsVariableAndDefault() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (Setting setting : Setting.values()) {
            String shownDefault = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            assertThat(readme).as("README row of %s", setting.key())
                    .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | " + shownDefault + " |");
        }
    }

    private static long queryLong(String sql) throws Exception {
        return Long.parseLong(queryString(sql));
    }

    private static String queryString(String sql) throws Exception {
        try (Connection connection = pipeline.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
