package dev.penguinmails.sending.sends;

import dev.penguinmails.events.sending.CampaignSend;
import java.time.Instant;

/**
 * One email that left: its Message-ID (without angle brackets), the mailbox it left through, the campaign send it
 * was, and the recipient by {@link dev.penguinmails.events.contacts.EmailHashes hash} only. Unsubscribes and
 * replies find the send from the Message-ID.
 */
public record SentMessage(String workspaceId, String messageId, String mailboxId, CampaignSend send, String emailHash,
                          Instant sentAt) { }
