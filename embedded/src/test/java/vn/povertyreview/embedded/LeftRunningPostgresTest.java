package vn.povertyreview.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A server left running by a launcher that died is stopped at the next start; a live owner's is never touched. */
class LeftRunningPostgresTest {

    /** postmaster.pid: pid, data directory, start time, port, ... */
    private static final int PORT_LINE = 3;
    private static final int STATE_OFFSET = 16;
    /** PostgreSQL's DBState DB_SHUTDOWNED: the server stopped cleanly. */
    private static final int DB_SHUTDOWNED = 1;

    @TempDir
    Path dataDir;

    @Test
    void aServerLeftRunningByALauncherKilledWithKill9IsStoppedAndAFreshOneStarted() throws Exception {
        killLauncherLeavingItsServer();
        long leftPid = postmasterPid();

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
    void aServerLeftRunningWithAClientStillConnectedIsShutDownCleanlyAndTheClientDisconnected() throws Exception {
        killLauncherLeavingItsServer();
        long leftPid = postmasterPid();
        PGSimpleDataSource left = new PGSimpleDataSource();
        left.setServerNames(new String[] {"127.0.0.1"});
        left.setPortNumbers(new int[] {Integer.parseInt(postmasterPidLine(PORT_LINE))});
        left.setUser("postgres");
        left.setDatabaseName("postgres");
        try (Connection client = left.getConnection()) { // a sink of its own, still connected
            LeftRunningPostgres.takeOwnership(dataDir, dataDir.resolve("pgdata")).release();

            assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false)).as("left server stopped").isFalse();
            assertThat(clusterState()).as("pg_control state: a clean shutdown, not a kill after a wait for the client")
                    .isEqualTo(DB_SHUTDOWNED);
            assertThat(client.isValid(5)).as("the client's session was ended").isFalse();
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

    /** Starts a launcher of its own, kills it with kill -9 once its server is up, and checks the server runs on. */
    private void killLauncherLeavingItsServer() throws Exception {
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
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(postmasterPidLine(0));
    }

    private String postmasterPidLine(int line) throws Exception {
        return Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid")).get(line).trim();
    }

    /** The cluster state in {@code global/pg_control}: after the system identifier and two versions, a 4-byte enum. */
    private int clusterState() throws Exception {
        ByteBuffer control = ByteBuffer.wrap(Files.readAllBytes(dataDir.resolve("pgdata").resolve("global").resolve("pg_control")))
                .order(ByteOrder.nativeOrder());
        return control.getInt(STATE_OFFSET);
    }
}
