package vn.povertyreview.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server left running by a launcher that died is stopped at the next start; a live owner's is never touched. */
class LeftRunningPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerLeftRunningByALauncherKilledWithKill9IsStoppedAndAFreshOneStarted() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledLauncher.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // the launcher's log, until it says it is ready
            }
            assertThat(line).as("the launcher started its server").isEqualTo("READY");
        }
        long leftPid = postmasterPid();
        launcher.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs, the server runs on
        assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false)).as("left running").isTrue();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the left server (pid %d) was stopped", leftPid).isFalse();
            assertThat(postmasterPid()).isNotEqualTo(leftPid);
            try (Connection connection = next.dataSource("postgres").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aSecondStartWhileTheOwnerRunsIsRefusedAndLeavesItsServerAlone() throws Exception {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(dataDir, false)) {
            long pid = postmasterPid();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running launcher");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isTrue();
            try (Connection connection = owner.dataSource("postgres").getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }
}
