package vn.povertyreview.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    private static final String HA_TRUNG = "Thị trấn Hà Trung";

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startServer() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
    }

    @AfterAll
    static void stopServer() {
        postgres.close();
    }

    @Test
    void answersASimpleQuery() throws SQLException {
        assertThat(queryString(postgres.dataSource("postgres"), "SELECT 1")).isEqualTo("1");
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws SQLException {
        assertThat(postgres.jdbcUrl("poverty")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/poverty");
        assertThat(queryString(postgres.dataSource("postgres"), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(queryString(postgres.dataSource("postgres"), "SHOW unix_socket_directories")).isEmpty();
    }

    @Test
    void vietnameseNamesRoundTripByteForByte() throws SQLException {
        postgres.createDatabaseIfMissing("names");
        DataSource names = postgres.dataSource("names");
        try (Connection connection = names.getConnection()) {
            execute(connection, "CREATE TABLE unit (code text PRIMARY KEY, name text NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO unit VALUES ('15271', ?)")) {
                insert.setString(1, HA_TRUNG);
                insert.executeUpdate();
            }
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT name, convert_to(name, 'UTF8') FROM unit")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(HA_TRUNG);
                assertThat(rows.getBytes(2)).isEqualTo(HA_TRUNG.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(queryString(names, "SHOW server_encoding")).isEqualTo("UTF8");
        assertThat(queryString(names, "SELECT upper('" + HA_TRUNG + "')")).isEqualTo("THỊ TRẤN HÀ TRUNG");
    }

    @Test
    void createsADatabaseOnlyOnce() throws SQLException {
        postgres.createDatabaseIfMissing("once");
        postgres.createDatabaseIfMissing("once");

        assertThat(queryString(postgres.dataSource("postgres"), "SELECT count(*) FROM pg_database WHERE datname = 'once'"))
                .isEqualTo("1");
    }

    @Test
    void keepsDataAcrossCloseAndStartOnTheSameDirectory(@TempDir Path ownDir) throws SQLException {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(ownDir, false)) {
            first.createDatabaseIfMissing("poverty");
            try (Connection connection = first.dataSource("poverty").getConnection()) {
                execute(connection, "CREATE TABLE unit (code text PRIMARY KEY, name text NOT NULL)");
                execute(connection, "INSERT INTO unit VALUES ('15271', '" + HA_TRUNG + "')");
            }
        }

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(ownDir, false)) {
            assertThat(queryString(again.dataSource("poverty"), "SELECT name FROM unit WHERE code = '15271'"))
                    .isEqualTo(HA_TRUNG);
        }
    }

    @Test
    void durableServerSyncsEveryCommitToDisk(@TempDir Path ownDir) throws SQLException {
        try (EmbeddedPostgresServer durable = EmbeddedPostgresServer.start(ownDir, true)) {
            DataSource admin = durable.dataSource("postgres");
            assertThat(queryString(admin, "SHOW fsync")).isEqualTo("on");
            assertThat(queryString(admin, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryString(admin, "SHOW full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void nonDurableServerSkipsSyncingForSpeed() throws SQLException {
        DataSource admin = postgres.dataSource("postgres");
        assertThat(queryString(admin, "SHOW fsync")).isEqualTo("off");
        assertThat(queryString(admin, "SHOW synchronous_commit")).isEqualTo("off");
    }

    private static String queryString(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
