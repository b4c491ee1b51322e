package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class EmulatorPortsTest {

    @Test
    void aTakenPortIsNamedInOneSentenceBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();
            EmulatorPorts ports = new EmulatorPorts(0, 0, 0, 0, 0, port, 0);

            assertThatThrownBy(() -> LocalAws.start(new EmulatorOptions(ports, null)))
                    .isInstanceOf(EmulatorException.class)
                    .hasMessage("Port " + port + " (SMTP) is already in use; pass --smtp-port to choose another.");
        }
    }

    @Test
    void eachServiceNamesItsOwnOption() throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> new EmulatorPorts(port, 0, 0, 0, 0, 0, 0).requireFree())
                    .hasMessage("Port " + port + " (DynamoDB) is already in use; pass --dynamodb-port to choose another.");
            assertThatThrownBy(() -> new EmulatorPorts(0, 0, 0, port, 0, 0, 0).requireFree())
                    .hasMessage("Port " + port + " (EventBridge) is already in use; pass --eventbridge-port to choose another.");
        }
    }

    @Test
    void onePortCannotServeTwoEmulators() {
        assertThatThrownBy(() -> new EmulatorPorts(0, 0, 0, 0, 0, 40123, 40123).requireFree())
                .isInstanceOf(EmulatorException.class)
                .hasMessage("Port 40123 is given to both SMTP and IMAP; pass --imap-port to choose another.");
    }

    @Test
    void freeAndEphemeralPortsPass() throws Exception {
        int free;
        try (ServerSocket probe = listen()) {
            free = probe.getLocalPort();
        }
        new EmulatorPorts(0, 0, 0, 0, 0, free, 0).requireFree();
        EmulatorPorts.ephemeral().requireFree();
        assertThat(EmulatorPorts.defaults().smtp()).isEqualTo(3025);
        assertThat(EmulatorPorts.defaults().imap()).isEqualTo(3143);
        assertThatThrownBy(() -> new EmulatorPorts(70_000, 0, 0, 0, 0, 0, 0)).hasMessageContaining("--dynamodb-port");
    }

    private static ServerSocket listen() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }
}
