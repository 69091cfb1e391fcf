package vn.povertyreview.pipeline.analysts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.pipeline.Pipeline;

/** {@code ./poverty analyst ...} against the embedded PostgreSQL of a run, as an admin types it. */
class AnalystCommandTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path workDir;

    static EmbeddedPostgresServer postgres;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startTheEmbeddedDatabase() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
        postgres.createDatabaseIfMissing(Pipeline.DATABASE);
    }

    @AfterAll
    static void stopIt() {
        postgres.close();
    }

    private int analyst(String... arguments) throws Exception {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--db.embedded.port=" + postgres.port());
        return new AnalystCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all, Map.of());
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addPrintsTheGeneratedPasswordOnceAndTheAnalystConnectsWithIt() throws Exception {
        assertThat(analyst("add", "--name=thanh_hoa", "--provinces=38")).isZero();

        Matcher password = Pattern.compile("Password \\(shown once, kept nowhere\\): (\\S+)").matcher(output());
        assertThat(password.find()).as(output()).isTrue();
        assertThat(output()).contains("Analyst thanh_hoa added: viewer of provinces 38.",
                "38: Tỉnh Thanh Hóa in map 2025-03-01 (review years 2022–2024), Tỉnh Thanh Hóa in map 2025-07-01 (review years 2025–2030)",
                "Connect as user thanh_hoa to jdbc:postgresql://127.0.0.1:" + postgres.port() + "/poverty.");
        try (Connection connection = connect("thanh_hoa", password.group(1)); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM unit_rollup")) {
            assertThat(rows.next()).isTrue();
        }

        assertThat(analyst("list")).isZero();
        assertThat(output()).contains("thanh_hoa").contains("viewer of provinces 38").contains("yes");

        assertThat(analyst("remove", "--name=thanh_hoa")).isZero();
        assertThat(output()).contains("Analyst thanh_hoa removed: 0 open sessions ended, its role dropped.");
        assertThatThrownBy(() -> connect("thanh_hoa", password.group(1)).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void aPasswordFileIsUsedAndNeverPrinted() throws Exception {
        Path file = workDir.resolve("password");
        Files.writeString(file, "mot-mat-khau-dai-du\n");

        assertThat(analyst("add", "--name=ha_trung", "--communes=15271", "--password-file=" + file)).isZero();

        assertThat(output()).doesNotContain("mot-mat-khau-dai-du").doesNotContain("Password")
                .contains("15271: Thị trấn Hà Trung in map 2025-03-01", "Xã Hà Trung in map 2025-07-01",
                        "formed from 4 communes not named (15304, 15307, 15319, 15328)");
        connect("ha_trung", "mot-mat-khau-dai-du").close();
        assertThat(analyst("remove", "--name=ha_trung")).isZero();
    }

    @Test
    void aCommuneMergedAwayIsSaidToBeSeenInItsOldYearsOnly() throws Exception {
        assertThat(analyst("add", "--name=ha_ngoc", "--communes=15304")).isZero();

        assertThat(output()).contains("15304: Xã Hà Ngọc in map 2025-03-01 (review years 2022–2024), none in map 2025-07-01",
                "went into 15271 from 2025-07-01, which is not covered unless named");
        assertThat(analyst("remove", "--name=ha_ngoc")).isZero();
    }

    @Test
    void mistakesAreNamed() throws Exception {
        assertThatThrownBy(() -> analyst("add", "--provinces=38")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--name=... is required");
        assertThatThrownBy(() -> analyst("add", "--name=someone")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one province or commune");
        assertThatThrownBy(() -> analyst("remove", "--name=someone", "--provinces=38")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("analyst remove takes no --provinces");
        assertThatThrownBy(() -> analyst("add", "--name=someone", "--provinces=38", "--password-file=" + workDir.resolve("none")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no such password file");
        assertThatThrownBy(() -> analyst("grant")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown analyst command 'grant'");
        assertThatThrownBy(() -> analyst("remove", "--name=nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no analyst nobody in this database");
        assertThat(analyst("list", "--db.url=jdbc:postgresql://127.0.0.1:1/poverty")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/poverty");
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(Pipeline.DATABASE), user, password);
    }
}
