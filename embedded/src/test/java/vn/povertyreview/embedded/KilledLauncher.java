package vn.povertyreview.embedded;

import java.nio.file.Path;

/**
 * A launcher to be killed: starts an embedded PostgreSQL on the data directory given, says
 * {@code READY}, and runs until its process is killed, leaving the server running.
 */
public final class KilledLauncher {

    private KilledLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer.start(Path.of(args[0]), false);
        System.out.println("READY");
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until killed
    }
}
