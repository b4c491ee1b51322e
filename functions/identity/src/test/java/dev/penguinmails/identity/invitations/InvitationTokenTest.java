package dev.penguinmails.identity.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.audit.AuditLog;
import dev.penguinmails.identity.workspaces.WorkspaceItems;
import dev.penguinmails.shared.ids.Ids;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {
    @Test
    void aMintedTokenParsesBackAndOnlyItMatchesItsHash() {
        InvitationToken token = InvitationToken.mint(Ids.newId("ws"), Ids.newId("inv"));

        assertThat(InvitationToken.parse(token.value())).contains(token);
        assertThat(token.matches(token.hash())).isTrue();
        assertThat(InvitationToken.mint(token.workspaceId(), token.invitationId()).matches(token.hash())).isFalse();
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void malformedTokensDoNotParse() {
        String good = InvitationToken.mint(Ids.newId("ws"), Ids.newId("inv")).value();

        assertThat(InvitationToken.parse(good + "x")).isEmpty();
        assertThat(InvitationToken.parse(good.replace(".inv_", ".usr_"))).isEmpty();
        assertThat(InvitationToken.parse("ws#x.inv_01JD5Q2X7V4G0ZK3M8N6P9R2TS." + "a".repeat(43))).isEmpty();
        assertThat(InvitationToken.parse(null)).isEmpty();
    }

    @Test
    void thePurgeKnowsThePartitionsThatHoldInvitationsAndTheAuditTrail() {
        assertThat(WorkspaceItems.TENANT_PARTITIONS).contains(InvitationStore.PARTITION, AuditLog.PARTITION);
    }
}
