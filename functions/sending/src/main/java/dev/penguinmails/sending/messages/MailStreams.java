package dev.penguinmails.sending.messages;

/**
 * Names Jakarta Mail's stream provider outright. Without the name, every body part, header block and write looks the
 * provider up with a {@link java.util.ServiceLoader} scan of the whole class path (a resource lookup in every jar):
 * the largest single CPU cost of building a message in the campaign benchmark (decision 0082).
 */
public final class MailStreams {
    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() { }

    /** Sets the provider's name unless the JVM was given one. */
    public static void nameTheProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, PROVIDER);
        }
    }
}
