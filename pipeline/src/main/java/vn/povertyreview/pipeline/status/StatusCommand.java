package vn.povertyreview.pipeline.status;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.povertyreview.pipeline.Setting;
import vn.povertyreview.pipeline.Settings;

/**
 * {@code status [--url=<service URL>]... [--interval-ms=2000] [--key=value ...]}: reads the
 * {@code /metrics} of a running installation twice, an interval apart, and prints each stage's lag
 * and rate in a few lines ({@link StatusReport}). Without {@code --url} it asks the process the
 * settings describe, the embedded run's by default: its health port if {@code health.port} is set
 * (which serves every service of the process), else its ingest API. Several {@code --url}s, one
 * per process of a split installation, add up.
 */
public final class StatusCommand {

    static final String USAGE = "use: status [--url=<service URL, e.g. http://127.0.0.1:8080>]... [--interval-ms=2000] [--key=value ...]";
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final PrintStream err;

    public StatusCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code status}.
     *
     * @return the exit status: 0 when printed, 1 when a service does not answer
     * @throws IllegalArgumentException for a wrong command line, with what is wrong
     */
    public int run(List<String> arguments, Map<String, String> environment) throws IOException, InterruptedException {
        List<URI> urls = new ArrayList<>();
        Duration interval = DEFAULT_INTERVAL;
        List<String> settingArguments = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.startsWith("--url=")) {
                urls.add(metricsUri(argument.substring("--url=".length())));
            } else if (argument.startsWith("--interval-ms=")) {
                interval = Duration.ofMillis(positive(argument.substring("--interval-ms=".length())));
            } else if (argument.startsWith("--")) {
                settingArguments.add(argument);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'\n" + USAGE);
            }
        }
        Settings settings = Settings.load(environment, settingArguments);
        if (urls.isEmpty()) {
            urls.add(defaultUri(settings));
        }
        Scrape first = readAll(urls);
        if (first == null) {
            return 1;
        }
        Thread.sleep(interval.toMillis()); // a rate needs two readings; the command waits, nothing else does
        Scrape second = readAll(urls);
        if (second == null) {
            return 1;
        }
        new StatusReport(first, second, interval).lines().forEach(out::println);
        return 0;
    }

    /** The metrics of the process the settings describe: its health port if set, else its ingest API. */
    private static URI defaultUri(Settings settings) {
        if (settings.getInt(Setting.HEALTH_PORT) != 0) {
            return metricsUri("http://127.0.0.1:" + settings.getInt(Setting.HEALTH_PORT));
        }
        String host = settings.get(Setting.INGEST_HOST);
        // An API listening on every interface is reached on this machine through loopback.
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return metricsUri("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.get(Setting.INGEST_PORT));
    }

    private static URI metricsUri(String serviceUrl) {
        String base = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        try {
            return URI.create(base.endsWith("/metrics") ? base : base + "/metrics");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + serviceUrl + "'\n" + USAGE);
        }
    }

    private static long positive(String millis) {
        try {
            long value = Long.parseLong(millis);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--interval-ms must be a positive number of milliseconds, not '" + millis + "'\n" + USAGE);
    }

    /** The readings of every URL as one, or null (said on standard error) when one does not answer. */
    private Scrape readAll(List<URI> urls) throws IOException, InterruptedException {
        Scrape all = new Scrape(List.of());
        for (URI url : urls) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    err.println("lỗi: " + url + " trả lời " + response.statusCode() + ", không phải số liệu của dịch vụ");
                    err.println("error: " + url + " answered " + response.statusCode() + ", not a service's metrics");
                    return null;
                }
                all = all.plus(Scrape.parse(response.body()));
            } catch (ConnectException | HttpTimeoutException e) {
                err.println("lỗi: không có dịch vụ nào trả lời ở " + url + "; hãy chạy ./poverty run, hoặc chỉ địa chỉ của dịch vụ bằng --url=");
                err.println("error: nothing answers at " + url + "; start the pipeline with ./poverty run, or give a service's address with --url=");
                return null;
            } catch (IllegalArgumentException e) {
                err.println("lỗi: " + url + " không trả lời bằng số liệu Prometheus: " + e.getMessage());
                err.println("error: " + url + " does not answer with Prometheus metrics: " + e.getMessage());
                return null;
            }
        }
        return all;
    }
}
