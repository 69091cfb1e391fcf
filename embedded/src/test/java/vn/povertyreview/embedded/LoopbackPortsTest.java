package vn.povertyreview.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void portsChosenOneAfterAnotherBeforeAnyIsBoundAreAllDifferent() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(LoopbackPorts.free())).as("port %d handed out twice", i).isTrue();
        }
    }

    @Test
    void aPortHandedOutCanBeBoundOnTheLoopbackInterface() throws IOException {
        int port = LoopbackPorts.free();
        try (ServerSocket server = new ServerSocket(port, 1, LoopbackPorts.loopback())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
