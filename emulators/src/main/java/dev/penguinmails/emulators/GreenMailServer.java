package dev.penguinmails.emulators;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An embedded SMTP + IMAP server (GreenMail) on 127.0.0.1. It stands in for tenants' own mailbox
 * servers and receives everything SES sends. Authentication is off: any user and password work, and
 * every recipient gets a mailbox on first delivery.
 */
public final class GreenMailServer implements AutoCloseable {
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;

    private final GreenMail greenMail;

    private GreenMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts SMTP and IMAP on the given ports; 0 lets the OS pick one. */
    public static GreenMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new EmulatorException("GreenMail could not start SMTP on " + smtpPort + " and IMAP on " + imapPort
                    + ": " + e.getMessage(), e);
        }
        return new GreenMailServer(greenMail);
    }

    /** The running GreenMail, to read received mail ({@code getReceivedMessages()}, {@code waitForIncomingEmail}). */
    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Deletes every received message from every mailbox. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new EmulatorException("GreenMail could not purge its mailboxes: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }
}
