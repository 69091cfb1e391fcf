package vn.povertyreview.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks TCP ports that are free on the loopback interface. Asking the system on 127.0.0.1 only,
 * never on the wildcard address, keeps even the probe off the machine's other interfaces.
 *
 * <p>A port is only known to be free at the moment of the probe; callers bind it right away. A port
 * is never handed out twice in one JVM: several ports are often chosen before any is bound (a
 * broker's two listeners and a database's), and the system, asked one after the other, may offer
 * the same port again once its probe is closed. Thread-safe.
 */
public final class LoopbackPorts {

    private static final int ATTEMPTS = 100;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port that was free on 127.0.0.1 just now, and that this JVM has not handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on the loopback interface that was not handed out already");
    }

    private static int probe() {
        try (ServerSocket probe = new ServerSocket(0, 1, loopback())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /** The IPv4 loopback address, whatever the JVM prefers for "localhost". */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
