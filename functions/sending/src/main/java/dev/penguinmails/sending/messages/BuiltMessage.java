package dev.penguinmails.sending.messages;

/**
 * A built message: its Message-ID (no angle brackets, for the message record and the next follow-up's thread),
 * the envelope and the bytes as they go on the wire (CRLF line ends), ready to sign and send.
 */
public record BuiltMessage(String messageId, String envelopeFrom, String envelopeTo, byte[] raw) { }
