package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins' HTTP servers answer without Nagle's delay (decision 0079). That no main source makes a JDK HTTP
 * server any other way is checked over the repository in test-support ({@code StandInServersTest}).
 */
class LoopbackHttpServersTest {

    @Test
    void aServerMadeHereHasTheJdksNoDelaySwitchOn() throws IOException {
        HttpServer server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            assertThat(System.getProperty(LoopbackHttpServers.NO_DELAY)).isEqualTo("true");
            assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            server.stop(0);
        }
    }
}
