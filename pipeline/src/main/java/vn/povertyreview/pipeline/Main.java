package vn.povertyreview.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import vn.povertyreview.pipeline.demo.DemoLoader;

/**
 * The command line: {@code run} (everything, embedded Kafka and PostgreSQL unless configured),
 * {@code ingest}, {@code streams} or {@code sink} (one service against external Kafka and
 * PostgreSQL), {@code settings} (every setting with its variable and default). Settings follow
 * as {@code --key=value}.
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
            Pipeline.Role role = switch (command) {
                case "run" -> Pipeline.Role.ALL;
                case "ingest" -> Pipeline.Role.INGEST;
                case "streams" -> Pipeline.Role.STREAMS;
                case "sink" -> Pipeline.Role.SINK;
                default -> throw new IllegalArgumentException("unknown command '" + command
                        + "'; use run, ingest, streams, sink or settings");
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
        pipeline.start(role, out);
        HealthEndpoint health = settings.getInt(Setting.HEALTH_PORT) == 0 ? null
                : new HealthEndpoint(settings.getInt(Setting.HEALTH_PORT), pipeline::isHealthy);
        out.println();
        out.println("Ready.");
        if (pipeline.ingestUrl() != null) {
            out.println("  Ingest URL:  " + pipeline.ingestUrl() + "/api/v1/reviews");
            out.println("  API doc:     " + pipeline.ingestUrl() + "/api/v1/openapi.json");
        }
        if (pipeline.adminToken() != null) {
            out.println("  Admin token: " + pipeline.adminToken());
        }
        if (pipeline.jdbcUrl() != null) {
            out.println("  JDBC URL:    " + pipeline.jdbcUrl());
        }
        out.println("  Kafka:       " + pipeline.bootstrapServers());
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

    private static void printSettings(PrintStream out) {
        out.printf(Locale.ROOT, "%-36s %-46s %-18s %s%n", "key", "environment variable", "default", "meaning");
        for (Setting setting : Setting.values()) {
            out.printf(Locale.ROOT, "%-36s %-46s %-18s %s%n", setting.key(), setting.environmentVariable(),
                    setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue(), setting.description());
        }
    }
}
