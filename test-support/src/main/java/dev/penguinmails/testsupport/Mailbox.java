package dev.penguinmails.testsupport;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.penguinmails.emulators.LocalAws;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reads the mail that GreenMail received (everything sent through the local SES, and any SMTP mail
 * sent to it), one recipient's inbox at a time, so a mail to several people counts once for each.
 */
public final class Mailbox {
    private final LocalAws aws;

    public Mailbox(LocalAws aws) {
        this.aws = aws;
    }

    /**
     * Waits until the inbox of {@code address} holds at least {@code count} messages and returns all of
     * them, oldest first.
     *
     * @throws AssertionError if they do not arrive in time, saying how many did and with which subjects
     */
    public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> messages = messagesTo(address);
        while (messages.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " message(s) to " + address + " within " + timeout
                        + " but " + messages.size() + " arrived" + subjects(messages));
            }
            sleep();
            messages = messagesTo(address);
        }
        return messages;
    }

    /** The messages in the inbox of {@code address} now (empty if it never received any), oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        GreenMail greenMail = aws.greenMail().greenMail();
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address.toLowerCase(Locale.ROOT));
        if (user == null) {
            user = greenMail.getUserManager().getUserByEmail(address);
        }
        if (user == null) {
            return List.of();
        }
        try {
            // Copy first: the inbox is a synchronized list that takes new mail while we read, and copying is
            // one synchronized call, where streaming over it could throw ConcurrentModificationException.
            return List.copyOf(greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()).stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot read the inbox of " + address, e);
        }
    }

    /** Empties every mailbox and the SES emulator's store of sent mail. */
    public void purge() {
        aws.greenMail().purge();
        aws.ses().clearStore();
    }

    private static String subjects(List<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return "";
        }
        return ": " + messages.stream().map(m -> {
            try {
                return "\"" + m.getSubject() + "\"";
            } catch (jakarta.mail.MessagingException e) {
                return "(unreadable subject)";
            }
        }).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for mail", e);
        }
    }
}
