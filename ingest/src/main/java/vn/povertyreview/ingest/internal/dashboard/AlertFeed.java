package vn.povertyreview.ingest.internal.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.sink.report.OpenAlert;
import vn.povertyreview.sink.report.ReportQueries;

/**
 * The dashboard's live alerts: one thread holds one database connection that LISTENs on
 * {@code target_gap_alert} (the sink's insert trigger NOTIFYs each alert as it commits) and sends
 * each new alert, as a server-sent event {@code alert}, to every connected page whose scope may read
 * its unit. A page that connects first gets the open alerts it may read, newest first; an alert that
 * commits meanwhile may come twice, and the page keeps one per id. Thread-safe.
 */
public final class AlertFeed implements AutoCloseable {

    /** Most open alerts a page gets when it connects. */
    static final int MAX_OPEN = 100;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final ReportDatabase database;
    private final BiPredicate<Scope, OpenAlert> mayRead;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Thread listener;
    private volatile boolean running = true;

    private record Subscriber(SseClient client, Scope scope) {
    }

    /** @param mayRead whether a scope may read the unit of an alert (the reports' access rule) */
    public AlertFeed(ReportDatabase database, BiPredicate<Scope, OpenAlert> mayRead) {
        this.database = database;
        this.mayRead = mayRead;
        this.listener = new Thread(this::listen, "target-gap-alert-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Sends the open alerts the scope may read, then every new one until the page goes; blocks the
     * request's thread meanwhile, as Javalin's server-sent events do.
     */
    public void subscribe(SseClient client, Scope scope) {
        Subscriber subscriber = new Subscriber(client, scope);
        client.onClose(() -> subscribers.remove(subscriber));
        // Subscribed before the open alerts are read, so that none committed in between is missed.
        subscribers.add(subscriber);
        Optional<Jdbi> jdbi = database.jdbi();
        if (jdbi.isPresent()) {
            List<OpenAlert> open = new ReportQueries(jdbi.get()).openAlerts(MAX_OPEN);
            // Oldest first, so that a page that puts each new one on top ends with the newest on top.
            for (int i = open.size() - 1; i >= 0; i--) {
                send(subscriber, open.get(i));
            }
        }
        client.keepAlive();
    }

    private void send(Subscriber subscriber, OpenAlert alert) {
        if (mayRead.test(subscriber.scope(), alert)) {
            subscriber.client().sendEvent("alert", alert);
        }
    }

    private void listen() {
        while (running) {
            Optional<Jdbi> jdbi = database.jdbi();
            if (jdbi.isEmpty()) {
                pause();
                continue;
            }
            try (Handle handle = jdbi.get().open()) {
                handle.execute("LISTEN target_gap_alert");
                PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = connection.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(jdbi.get(), notification.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warn("Listening for target gap alerts failed, listening again in {} s: {}", POLL.toSeconds(), e.toString());
                    pause();
                }
            }
        }
    }

    private void deliver(Jdbi jdbi, String payload) throws IOException {
        if (subscribers.isEmpty()) {
            return;
        }
        JsonNode notified = json.readTree(payload);
        Optional<OpenAlert> alert = new ReportQueries(jdbi).alert(notified.path("alertId").asText());
        alert.ifPresent(found -> subscribers.forEach(subscriber -> send(subscriber, found)));
    }

    private void pause() {
        try {
            // Waiting for the database to come up or back, not for a test: nothing else to wait on.
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        subscribers.forEach(subscriber -> subscriber.client().close());
    }
}
