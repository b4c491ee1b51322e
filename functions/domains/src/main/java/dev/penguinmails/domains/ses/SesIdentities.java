package dev.penguinmails.domains.ses;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.DkimKeyMaker;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DkimSigningAttributes;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.Tag;

/**
 * A workspace domain's SES identity, for mailboxes that send through SES: created on first use with Easy DKIM
 * replaced by our own key (BYODKIM: the selector and private key we already publish), so the records the
 * customer published for us are the ones SES checks, and tagged with the workspace, because SES identities are
 * per account and two workspaces may add the same domain. Only the workspace that created it may use it.
 */
@Singleton
public class SesIdentities {
    public static final String WORKSPACE_TAG = "penguinmails:workspace";
    public static final ProblemType IDENTITY_TAKEN =
            ProblemType.of("ses-identity-taken", "Another workspace sends for this domain through SES", 409);
    public static final ProblemType SES_UNAVAILABLE =
            ProblemType.of("ses-unavailable", "SES did not answer", 502);

    /** Noted on the domain item before we ask SES to create its identity, so removing the domain deletes it. */
    static final String CREATED_FLAG = "sesIdentityCreated";
    private static final Logger LOG = LoggerFactory.getLogger(SesIdentities.class);

    private final SesV2Client ses;
    private final SecretBox secrets;
    private final DomainStore domains;

    public SesIdentities(SesV2Client ses, SecretBox secrets, DomainStore domains) {
        this.ses = ses;
        this.secrets = secrets;
        this.domains = domains;
    }

    /** The domain's identity, created now if SES has none; refused if another workspace created it. */
    public SesIdentityStatus ensure(TenantContext tenant, Domain domain) {
        Optional<SesIdentityStatus> existing = find(domain);
        if (existing.isPresent()) {
            return existing.get();
        }
        // Noted first: a crash right after SES created it must not leave an identity the domain's removal misses.
        domains.flag(tenant, domain.name(), CREATED_FLAG);
        DkimKey key = domain.activeKey();
        byte[] pkcs8 = secrets.open(key.privateKeySealed(),
                DkimKeyMaker.context(domain.workspaceId(), domain.name(), key.selector()));
        try {
            var created = ses.createEmailIdentity(r -> r.emailIdentity(domain.name())
                    .dkimSigningAttributes(DkimSigningAttributes.builder().domainSigningSelector(key.selector())
                            .domainSigningPrivateKey(Base64.getEncoder().encodeToString(pkcs8)).build())
                    .tags(Tag.builder().key(WORKSPACE_TAG).value(domain.workspaceId()).build()));
            return new SesIdentityStatus(Boolean.TRUE.equals(created.verifiedForSendingStatus()),
                    created.dkimAttributes() == null ? "PENDING" : created.dkimAttributes().statusAsString());
        } catch (SdkException e) {
            throw unavailable(domain, e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The domain's identity as SES sees it now, if it has one; refused if another workspace created it. */
    public Optional<SesIdentityStatus> find(Domain domain) {
        Optional<GetEmailIdentityResponse> found = lookUp(domain);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GetEmailIdentityResponse identity = found.get();
        if (!ownedBy(identity, domain.workspaceId())) {
            throw new ProblemException(IDENTITY_TAKEN, "SES already has an identity for " + domain.name()
                    + " that this workspace did not create, so its mailboxes cannot send through it. Use SMTP "
                    + "mailboxes for this domain, or ask support to hand the identity over.");
        }
        return Optional.of(new SesIdentityStatus(Boolean.TRUE.equals(identity.verifiedForSendingStatus()),
                identity.dkimAttributes() == null ? "PENDING" : identity.dkimAttributes().statusAsString()));
    }

    /**
     * Deletes the domain's identity if this workspace created one ({@code stored} carries the note) and SES's
     * identity still carries this workspace's tag; an identity another workspace created, or none, is left alone.
     * Safe to repeat: an identity already gone is done.
     */
    public void deleteCreated(DomainStore.Stored stored) {
        Domain domain = stored.domain();
        if (!stored.item().containsKey(CREATED_FLAG)) {
            return;
        }
        Optional<GetEmailIdentityResponse> identity = lookUp(domain);
        if (identity.isEmpty()) {
            return;
        }
        if (!ownedBy(identity.get(), domain.workspaceId())) {
            LOG.warn("Left the SES identity of {} in place: its tag names another workspace than {}", domain.name(),
                    domain.workspaceId());
            return;
        }
        try {
            ses.deleteEmailIdentity(r -> r.emailIdentity(domain.name()));
        } catch (NotFoundException alreadyGone) {
            // Deleted by an earlier attempt whose answer was lost.
        } catch (SdkException e) {
            throw unavailable(domain, e);
        }
    }

    private Optional<GetEmailIdentityResponse> lookUp(Domain domain) {
        try {
            return Optional.of(ses.getEmailIdentity(r -> r.emailIdentity(domain.name())));
        } catch (NotFoundException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable(domain, e);
        }
    }

    private static boolean ownedBy(GetEmailIdentityResponse identity, String workspaceId) {
        return identity.tags().stream().filter(t -> WORKSPACE_TAG.equals(t.key())).map(Tag::value)
                .anyMatch(workspaceId::equals);
    }

    private static ProblemException unavailable(Domain domain, SdkException e) {
        return new ProblemException(SES_UNAVAILABLE, "SES could not be asked about " + domain.name()
                + " just now (" + e.getClass().getSimpleName() + "); nothing changed. Try again in a minute.");
    }
}
