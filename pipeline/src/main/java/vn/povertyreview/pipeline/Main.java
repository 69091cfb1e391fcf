package vn.povertyreview.pipeline;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import vn.povertyreview.pipeline.analysts.AnalystCommand;
import vn.povertyreview.pipeline.demo.DemoLoader;
import vn.povertyreview.pipeline.reports.ReportCommand;
import vn.povertyreview.pipeline.status.StatusCommand;
import vn.povertyreview.pipeline.targets.TargetImport;
import vn.povertyreview.pipeline.tokens.TokenCommand;

/**
 * The command line: {@code run} (everything, embedded Kafka and PostgreSQL unless configured),
 * {@code ingest}, {@code streams} or {@code sink} (one service against external Kafka and
 * PostgreSQL), {@code settings} (every setting with its variable and default),
 * {@code import-targets} (reduction targets from a CSV file, through the ingest API),
 * {@code analyst add|list|remove} (PostgreSQL login roles of analysts, confined to their units),
 * {@code report --year --unit --out} (the report workbook or CSV of a unit and year, from the database),
 * {@code tokens list|revoke} and {@code admin-token rotate} (the ingest API's tokens, through that API),
 * {@code status} (each stage's lag and rate, from a running installation's metrics).
 * Settings follow as {@code --key=value}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String command = !arguments.isEmpty() && !arguments.get(0).startsWith("--") ? arguments.remove(0) : "run";
        PrintStream out = System.out;
        try {
            if (command.equals("settings")) {
                printSettings(out);
                return;
            }
            if (command.equals("import-targets")) {
                System.exit(importTargets(arguments, out));
                return;
            }
            if (command.equals("tokens") || command.equals("admin-token")) {
                System.exit(new TokenCommand(out, System.err).run(command, arguments));
                return;
            }
            if (command.equals("report")) {
                System.exit(new ReportCommand(out, System.err).run(arguments, System.getenv()));
                return;
            }
            if (command.equals("status")) {
                System.exit(new StatusCommand(out, System.err).run(arguments, System.getenv()));
                return;
            }
            if (command.equals("analyst")) {
                System.exit(new AnalystCommand(out, System.err).run(arguments, System.getenv()));
                return;
            }
            Pipeline.Role role = switch (command) {
                case "run" -> Pipeline.Role.ALL;
                case "ingest" -> Pipeline.Role.INGEST;
                case "streams" -> Pipeline.Role.STREAMS;
                case "sink" -> Pipeline.Role.SINK;
                case "broker" -> Pipeline.Role.BROKER;
                case "database" -> Pipeline.Role.DATABASE;
                default -> throw new IllegalArgumentException("unknown command '" + command
                        + "'; use run, ingest, streams, sink, broker, database, settings, import-targets, analyst, report, tokens, admin-token or status");
            };
            Settings settings = Settings.load(System.getenv(), arguments);
            run(role, settings, out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("error: could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Pipeline.Role role, Settings settings, PrintStream out) throws Exception {
        Pipeline pipeline = new Pipeline(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping ...");
            pipeline.close();
            stopped.countDown();
        }, "shutdown"));
        // Served from the first moment, so that a health check sees a starting or restoring
        // service as such (DEGRADED, with the reason) instead of getting no answer.
        HealthEndpoint health = settings.getInt(Setting.HEALTH_PORT) == 0 ? null
                : new HealthEndpoint(settings.getInt(Setting.HEALTH_PORT), pipeline::health, pipeline::metrics);
        pipeline.start(role, out);
        out.println();
        out.println("Ready.");
        if (pipeline.ingestUrl() != null) {
            out.println("  Upload page: " + pipeline.ingestUrl() + "/upload/");
            out.println("  Dashboard:   " + pipeline.ingestUrl() + "/dashboard/");
            out.println("  Ingest URL:  " + pipeline.ingestUrl() + "/api/v1/reviews");
            out.println("  API doc:     " + pipeline.ingestUrl() + "/api/v1/openapi.json");
            out.println("  Metrics:     " + pipeline.ingestUrl() + "/metrics");
        }
        if (health != null) {
            out.println("  Health:      http://127.0.0.1:" + settings.getInt(Setting.HEALTH_PORT) + "/health and /metrics");
        }
        if (pipeline.adminToken() != null) {
            out.println("  Admin token: " + pipeline.adminToken());
        }
        if (pipeline.jdbcUrl() != null) {
            out.println("  JDBC URL:    " + pipeline.jdbcUrl());
        }
        if (pipeline.bootstrapServers() != null) {
            out.println("  Kafka:       " + pipeline.bootstrapServers());
        }
        out.println("Press Ctrl+C to stop.");
        if (role == Pipeline.Role.ALL && settings.isSet(Setting.DEMO_PROVINCE)) {
            new DemoLoader(pipeline.ingestUrl(), pipeline.adminToken(), out)
                    .load(settings.get(Setting.DEMO_PROVINCE), settings.getInt(Setting.DEMO_HOUSEHOLDS));
        }
        stopped.await();
        if (health != null) {
            health.close();
        }
    }

    /** {@code import-targets <file.csv> --url=<ingest URL> --token=<admin token>}: exit 0 when every target was set. */
    private static int importTargets(List<String> arguments, PrintStream out) throws Exception {
        String file = null;
        String url = null;
        String token = null;
        for (String argument : arguments) {
            if (argument.startsWith("--url=")) {
                url = argument.substring("--url=".length());
            } else if (argument.startsWith("--token=")) {
                token = argument.substring("--token=".length());
            } else if (!argument.startsWith("--") && file == null) {
                file = argument;
            } else {
                throw new IllegalArgumentException("unknown argument '" + argument + "'");
            }
        }
        if (file == null || url == null || token == null) {
            throw new IllegalArgumentException("use: import-targets <targets.csv> --url=<ingest URL> --token=<admin token>");
        }
        TargetImport.Outcome outcome;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            outcome = new TargetImport(url, token, out).importCsv(csv);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (java.net.ConnectException e) {
            System.err.println("error: the ingest API at " + url + " does not answer; no target was set");
            return 1;
        }
        if (outcome.succeeded()) {
            out.printf("%d targets set.%n", outcome.set());
            return 0;
        }
        System.err.println("No target was set:");
        outcome.problems().forEach(problem -> System.err.println("  " + problem));
        return 2;
    }

    private static void printSettings(PrintStream out) {
        out.printf(Locale.ROOT, "%-36s %-46s %-18s %s%n", "key", "environment variable", "default", "meaning");
        for (Setting setting : Setting.values()) {
            out.printf(Locale.ROOT, "%-36s %-46s %-18s %s%n", setting.key(), setting.environmentVariable(),
                    setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue(), setting.description());
        }
    }
}
