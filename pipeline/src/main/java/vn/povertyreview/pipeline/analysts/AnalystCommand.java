package vn.povertyreview.pipeline.analysts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.JdbiException;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.pipeline.CommandDatabase;
import vn.povertyreview.pipeline.Settings;
import vn.povertyreview.sink.access.Analyst;
import vn.povertyreview.sink.access.AnalystAccounts;
import vn.povertyreview.sink.access.AnalystName;

/**
 * {@code analyst add|list|remove}: the analysts of the sink's database, in the PostgreSQL of
 * {@code db.url} (as {@code db.user}) or, without it, in the embedded one of a running
 * {@code ./poverty run} or {@code ./poverty database} (as its superuser). Brings the schema up to
 * date first, so it works before the sink has ever run.
 */
public final class AnalystCommand {

    private static final String USAGE = """
            use: analyst add --name=<name> [--provinces=38,40] [--communes=15271,...] [--password-file=FILE]
                 analyst list
                 analyst remove --name=<name>
            followed by the database settings if not the embedded one (--db.url=... --db.user=... --db.password=...)""";
    /** 192 bits, URL-safe: pasted into any client unchanged. */
    private static final int PASSWORD_BYTES = 24;
    private static final int SHORTEST_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrintStream out;
    private final PrintStream err;

    public AnalystCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command.
     *
     * @return the exit status: 0 when done, 1 when the database could not be reached or refused
     * @throws IllegalArgumentException for a wrong command line, with what is wrong
     */
    public int run(List<String> arguments, Map<String, String> environment) throws IOException {
        if (arguments.isEmpty() || arguments.get(0).startsWith("--")) {
            throw new IllegalArgumentException(USAGE);
        }
        String action = arguments.get(0);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> settingArguments = new ArrayList<>();
        for (String argument : arguments.subList(1, arguments.size())) {
            String key = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            switch (key) {
                case "--name", "--provinces", "--communes", "--password-file" -> {
                    if (options.put(key, argument.substring(key.length() + 1)) != null) {
                        throw new IllegalArgumentException(key + " is given twice");
                    }
                }
                default -> settingArguments.add(argument);
            }
        }
        Settings settings = Settings.load(environment, settingArguments);
        try {
            return switch (action) {
                case "add" -> add(options, settings);
                case "list" -> list(options, settings);
                case "remove" -> remove(options, settings);
                default -> throw new IllegalArgumentException("unknown analyst command '" + action + "'\n" + USAGE);
            };
        } catch (IllegalStateException | JdbiException | FlywayException e) {
            // The database is away or refused (a user without CREATEROLE, say): its own words say best why.
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int add(Map<String, String> options, Settings settings) throws IOException {
        allowOnly(options, "add", "--name", "--provinces", "--communes", "--password-file");
        AnalystName name = new AnalystName(required(options, "--name"));
        Scope scope = Scope.viewerOf(codes(options.get("--provinces")), codes(options.get("--communes")));
        boolean generated = !options.containsKey("--password-file");
        char[] password = generated ? newPassword() : passwordFrom(Path.of(options.get("--password-file")));
        AdminMaps maps = AdminMaps.official();
        CommandDatabase database = CommandDatabase.of(settings);
        try {
            new AnalystAccounts(database.open(), maps).add(name, scope, password);
            out.println("Analyst " + name + " added: " + scope + ".");
            new ScopeDescription(maps).lines(scope).forEach(line -> out.println("  " + line));
            out.println("Connect as user " + name + " to " + database.where() + ".");
            if (generated) {
                out.println("Password (shown once, kept nowhere): " + new String(password));
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private int list(Map<String, String> options, Settings settings) {
        allowOnly(options, "list");
        List<Analyst> analysts = new AnalystAccounts(CommandDatabase.of(settings).open(), AdminMaps.official()).list();
        if (analysts.isEmpty()) {
            out.println("No analysts.");
            return 0;
        }
        out.printf(Locale.ROOT, "%-24s %-48s %-26s %s%n", "name", "scope", "created", "login");
        for (Analyst analyst : analysts) {
            out.printf(Locale.ROOT, "%-24s %-48s %-26s %s%n", analyst.name(), analyst.scope(), analyst.createdAt(),
                    analyst.canLogIn() ? "yes" : "no");
        }
        return 0;
    }

    private int remove(Map<String, String> options, Settings settings) {
        allowOnly(options, "remove", "--name");
        AnalystName name = new AnalystName(required(options, "--name"));
        AnalystAccounts.Removal removal = new AnalystAccounts(CommandDatabase.of(settings).open(), AdminMaps.official()).remove(name);
        out.println("Analyst " + name + " removed: " + removal.sessionsEnded() + " open sessions ended, "
                + (removal.leftOver().isEmpty() ? "its role dropped." : String.join("; ", removal.leftOver())));
        return 0;
    }

    private static void allowOnly(Map<String, String> options, String action, String... allowed) {
        for (String option : options.keySet()) {
            if (!Arrays.asList(allowed).contains(option)) {
                throw new IllegalArgumentException("analyst " + action + " takes no " + option + "\n" + USAGE);
            }
        }
    }

    private static String required(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + "=... is required\n" + USAGE);
        }
        return value.trim();
    }

    private static List<String> codes(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    private static char[] newPassword() {
        byte[] secret = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
    }

    /** The file's first line (without its line break), which must be the whole file. */
    static char[] passwordFrom(Path file) throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such password file: " + file);
        }
        String password = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (password.contains("\n") || password.contains("\r")) {
            throw new IllegalArgumentException("the password file " + file + " must hold one line: the password");
        }
        if (password.length() < SHORTEST_PASSWORD) {
            throw new IllegalArgumentException("the password in " + file + " is shorter than " + SHORTEST_PASSWORD + " characters");
        }
        return password.toCharArray();
    }
}
