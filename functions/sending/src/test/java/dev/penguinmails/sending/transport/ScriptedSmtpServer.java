package dev.penguinmails.sending.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a plain ServerSocket that answers as scripted: a refusal at RCPT or after DATA, a failed
 * AUTH, a refusing greeting, or no answer at all (null), to test how the transport classifies failures and timeouts
 * (and, in {@code SenderWorkerTest}, what the sender worker does with them).
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** Replies; null means "never answer" (the client must time out). */
    public record Script(String greeting, String auth, String rcpt, String data) {
        public static Script accepting() {
            return new Script("220 scripted ESMTP", null, "250 2.1.5 ok", "250 2.0.0 queued as 42");
        }

        public Script rcpt(String reply) {
            return new Script(greeting, auth, reply, data);
        }

        public Script data(String reply) {
            return new Script(greeting, auth, rcpt, reply);
        }

        public Script greeting(String reply) {
            return new Script(reply, auth, rcpt, data);
        }

        public Script auth(String reply) {
            return new Script(greeting, reply, rcpt, data);
        }
    }

    private final ServerSocket server;
    private volatile Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger messagesAccepted = new AtomicInteger();

    public ScriptedSmtpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers new connections with {@code next} from now on (a server that recovers, or starts refusing). */
    public void script(Script next) {
        this.script = next;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Script script = this.script; // one script per session
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            if (!reply(out, script.greeting()) || !script.greeting().startsWith("220")) {
                hold(in);
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, script.auth() == null ? "250 scripted" : "250-scripted\r\n250 AUTH PLAIN");
                    case "HELO", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "AUTH" -> {
                        if (line.trim().equalsIgnoreCase("AUTH PLAIN")) {
                            reply(out, "334 ");
                            in.readLine();
                        }
                        if (!reply(out, script.auth())) {
                            hold(in);
                            return;
                        }
                    }
                    case "MAIL" -> reply(out, "250 2.1.0 ok");
                    case "RCPT" -> {
                        if (!reply(out, script.rcpt())) {
                            hold(in);
                            return;
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // swallow the message
                        }
                        if (!reply(out, script.data())) {
                            hold(in);
                            return;
                        }
                        if (script.data().startsWith("250")) {
                            messagesAccepted.incrementAndGet();
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "500 unknown command");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static boolean reply(OutputStream out, String reply) throws IOException {
        if (reply == null) {
            return false;
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Keeps the connection open and silent until the client gives up. */
    private static void hold(BufferedReader in) throws IOException {
        while (in.readLine() != null) {
            // say nothing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
