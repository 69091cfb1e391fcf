package vn.povertyreview.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (embedded binaries) running beside this JVM, listening on 127.0.0.1
 * only, with UTF-8 databases so that Vietnamese names round-trip exactly. Its data directory
 * ({@code <dataDir>/pgdata}) is created on first start and kept, so data survives a restart; the
 * binaries are unpacked under the data directory too ({@code <dataDir>/binaries}), not into the
 * system temp directory. The library reuses, within one JVM, the binaries it unpacked first for as
 * long as they exist: delete a data directory only after every server of the JVM has stopped.
 *
 * <p>A durable server writes every commit to disk (fsync, synchronous commit, full page writes)
 * and so survives a crash; a non-durable one skips that, which is fine for tests only.
 *
 * <p>The data directory has one owner at a time ({@link LeftRunningPostgres}): a second start on it
 * while its owner runs is refused, and a server left running by an owner that died is stopped
 * before a fresh one starts.
 *
 * <p>For the one-command run mode and for integration tests. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String HOST_BASED_AUTHENTICATION = """
            # TYPE  DATABASE  USER      ADDRESS        METHOD
            host    all       postgres  127.0.0.1/32   trust
            host    all       all       127.0.0.1/32   scram-sha-256
            """;
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    // The first start unpacks binaries and runs initdb: slow on a busy two-core machine.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final FileLock ownership;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, FileLock ownership) {
        this.postgres = postgres;
        this.port = port;
        this.ownership = ownership;
    }

    /** Starts a server on a port that is free on the loopback interface. */
    public static EmbeddedPostgresServer start(Path dataDir, boolean durable) {
        return start(dataDir, LoopbackPorts.free(), durable);
    }

    /** Starts a server on the given port of 127.0.0.1. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        Objects.requireNonNull(dataDir, "dataDir");
        FileLock ownership = null;
        try {
            // A server left running by a launcher that was killed is stopped, never silently reused.
            ownership = LeftRunningPostgres.takeOwnership(dataDir, dataDir.resolve("pgdata"));
            Path binaries = Files.createDirectories(dataDir.resolve("binaries"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Without an explicit port the library probes one on every interface.
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPGStartupWait(STARTUP_WAIT)
                    // The builtin provider gives UTF-8 character semantics without depending on the
                    // operating system's locales; the libc categories stay plain C everywhere.
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // No Unix socket in a shared directory: clients come over TCP on loopback.
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("max_connections", "100");
            durability(builder, durable);
            EmbeddedPostgres started = builder.start();
            try {
                requirePasswordsBesideTheSuperuser(started, dataDir.resolve("pgdata"));
            } catch (IOException | RuntimeException e) {
                started.close();
                throw e;
            }
            return new EmbeddedPostgresServer(started, port, ownership);
        } catch (IOException e) {
            release(ownership);
            throw new UncheckedIOException("PostgreSQL did not start on 127.0.0.1:" + port + " with data in " + dataDir, e);
        } catch (RuntimeException e) {
            release(ownership);
            throw e;
        }
    }

    /**
     * The library's initdb trusts every loopback connection. The superuser stays trusted (the
     * services and the launcher connect as it, on a machine of one user), but every other role,
     * such as an analyst's, must log in with its password. Written before the first connection of
     * anyone else: on a restart the server read it at start; on the first start it is reloaded and
     * awaited here.
     */
    private static void requirePasswordsBesideTheSuperuser(EmbeddedPostgres postgres, Path pgdata) throws IOException {
        Path hba = pgdata.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HOST_BASED_AUTHENTICATION)) {
            return;
        }
        Files.writeString(hba, HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
        DataSource superuser = postgres.getDatabase(SUPERUSER, "postgres");
        try {
            String loadedBefore = configurationLoadTime(superuser);
            try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
            // A new session reports when the server last loaded its configuration: once it is later,
            // the server has read the file, and every connection from now on is judged by it.
            long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
            while (configurationLoadTime(superuser).equals(loadedBefore)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not reload " + hba + " within " + RELOAD_WAIT.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make PostgreSQL read " + hba + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL reloaded " + hba, e);
        }
    }

    private static String configurationLoadTime(DataSource superuser) throws SQLException {
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_conf_load_time()::text")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void durability(EmbeddedPostgres.Builder builder, boolean durable) {
        // The library starts the server with fsync and synchronous commit off; say explicitly which we want.
        String setting = durable ? "on" : "off";
        builder.setServerConfig("fsync", setting)
                .setServerConfig("synchronous_commit", setting)
                .setServerConfig("full_page_writes", setting);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; connect as {@link #user()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A data source opening a new connection to the database for every request, as {@link #user()}. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(SUPERUSER);
        return dataSource;
    }

    /** Creates the database, UTF-8 like the whole server, unless it exists already. */
    public void createDatabaseIfMissing(String database) {
        try (Connection connection = dataSource("postgres").getConnection()) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(database));
            }
        } catch (SQLException e) {
            // Someone else created it between our check and our CREATE: just as good.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * The superuser name; the server trusts its connections from loopback without a password, while
     * every other role must give its password.
     */
    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown: open transactions roll back, committed data stays). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on 127.0.0.1:" + port + " did not stop cleanly", e);
        } finally {
            release(ownership);
        }
    }

    private static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.channel().close(); // releases the lock
        } catch (IOException e) {
            // Closing a lock file fails only with the file system; the lock ends with the process anyway.
        }
    }
}
