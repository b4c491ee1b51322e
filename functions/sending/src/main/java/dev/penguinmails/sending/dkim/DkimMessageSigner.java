package dev.penguinmails.sending.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Signs built messages with a domain's key: DKIM rsa-sha256, relaxed/relaxed, through Apache James jDKIM (decision
 * 0048). The signed headers cover what a recipient sees and what RFC 8058 needs signed (List-Unsubscribe and
 * List-Unsubscribe-Post), the thread and MIME headers; a header listed but absent is signed as absent, so nobody on
 * the way can add it. One signer per key; safe to share between threads.
 */
public final class DkimMessageSigner {
    /** The h= list, lower case, in signing order. */
    public static final String SIGNED_HEADERS = "from:to:subject:date:message-id:in-reply-to:references"
            + ":list-unsubscribe:list-unsubscribe-post:mime-version:content-type";

    private final DkimSigningKey key;
    private final String template;

    public DkimMessageSigner(DkimSigningKey key) {
        this.key = key;
        this.template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
    }

    /** The message with its DKIM-Signature header in front; the rest of the bytes are unchanged. */
    public byte[] sign(byte[] message) {
        String header;
        try {
            // jDKIM keeps no state between calls, so one DKIMSigner per call costs only the template parse.
            header = new DKIMSigner(template, key.privateKey()).sign(new ByteArrayInputStream(message));
        } catch (FailException | IOException e) {
            throw new IllegalStateException("cannot DKIM-sign for " + key.domain() + " (" + key.selector() + "): "
                    + e.getMessage(), e);
        }
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[head.length + 2 + message.length];
        System.arraycopy(head, 0, signed, 0, head.length);
        signed[head.length] = '\r';
        signed[head.length + 1] = '\n';
        System.arraycopy(message, 0, signed, head.length + 2, message.length);
        return signed;
    }

    public DkimSigningKey key() {
        return key;
    }
}
