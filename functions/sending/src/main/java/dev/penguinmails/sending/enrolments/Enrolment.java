package dev.penguinmails.sending.enrolments;

import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One contact in one launched campaign: the step it is due for and when, the mailbox that sends its conversation
 * (fixed at its first send, so follow-ups thread from the same address), the Message-IDs sent so far (the thread's
 * References) and the contact's snapshot for personalisation, kept current from {@code contact.updated} by version.
 *
 * @param contact null once the contact was erased (the snapshot is personal data)
 */
public record Enrolment(String workspaceId, String campaignId, String contactId, EnrolmentStatus status,
                        @Nullable String stopReason, int step, Instant dueAt, @Nullable String mailboxId,
                        List<String> messageIds, @Nullable ContactState contact, long version) {

    public Enrolment {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }

    /** The id a campaign send names: campaign and contact, which is what makes an enrolment unique. */
    public String id() {
        return id(campaignId, contactId);
    }

    public static String id(String campaignId, String contactId) {
        return campaignId + "." + contactId;
    }

    /** The campaign of an enrolment id; the id is {@code <campaign>.<contact>} and neither part holds a dot. */
    public static String campaignOf(String enrolmentId) {
        return enrolmentId.substring(0, enrolmentId.indexOf('.'));
    }

    public static String contactOf(String enrolmentId) {
        return enrolmentId.substring(enrolmentId.indexOf('.') + 1);
    }

    public static boolean isValidId(String enrolmentId) {
        int dot = enrolmentId == null ? -1 : enrolmentId.indexOf('.');
        return dot > 0 && dot == enrolmentId.lastIndexOf('.') && dot < enrolmentId.length() - 1;
    }
}
