package dev.penguinmails.sending.transport;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A finished (signed) message handed to angus-mail's SMTP transport as its exact bytes: re-parsing or re-writing it
 * would cost allocations and could change a byte under the DKIM signature.
 */
final class RawMessage extends SMTPMessage {
    private final byte[] raw;

    RawMessage(Session session, String envelopeFrom, byte[] raw) {
        super(session);
        this.raw = raw;
        setEnvelopeFrom(envelopeFrom);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        out.write(raw);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }
}
