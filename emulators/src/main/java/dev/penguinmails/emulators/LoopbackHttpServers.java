package dev.penguinmails.emulators;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's {@link HttpServer} for the local stand-ins, with Nagle's algorithm off. The JDK server writes a response's
 * headers and body as two segments; with Nagle on, the body waits for the client's delayed ACK of the headers, and
 * every request to a stand-in took 40 ms more than its work (decision 0079). The JDK reads the switch, the system
 * property {@value #NO_DELAY}, once, when its first server of the JVM starts: so it is set here, before that, and
 * the build sets it for every test JVM.
 */
public final class LoopbackHttpServers {
    public static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackHttpServers() { }

    /** An unstarted server bound to {@code address}, its connections without Nagle's delay. */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(address, backlog);
    }
}
