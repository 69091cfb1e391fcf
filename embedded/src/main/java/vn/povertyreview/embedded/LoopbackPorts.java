package vn.povertyreview.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks TCP ports that are free on the loopback interface. Asking the system on 127.0.0.1 only,
 * never on the wildcard address, keeps even the probe off the machine's other interfaces.
 *
 * <p>A port is only known to be free at the moment of the probe; callers bind it right away.
 * Thread-safe.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free on 127.0.0.1 just now. */
    public static int free() {
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
