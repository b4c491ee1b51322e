package dev.penguinmails.domains.ses;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.DkimKeyMaker;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.secrets.SecretBox;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
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

    private final SesV2Client ses;
    private final SecretBox secrets;

    public SesIdentities(SesV2Client ses, SecretBox secrets) {
        this.ses = ses;
        this.secrets = secrets;
    }

    /** The domain's identity, created now if SES has none; refused if another workspace created it. */
    public SesIdentityStatus ensure(Domain domain) {
        Optional<SesIdentityStatus> existing = find(domain);
        if (existing.isPresent()) {
            return existing.get();
        }
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
        GetEmailIdentityResponse identity;
        try {
            identity = ses.getEmailIdentity(r -> r.emailIdentity(domain.name()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable(domain, e);
        }
        String owner = identity.tags().stream().filter(t -> WORKSPACE_TAG.equals(t.key())).map(Tag::value)
                .findFirst().orElse(null);
        if (!domain.workspaceId().equals(owner)) {
            throw new ProblemException(IDENTITY_TAKEN, "SES already has an identity for " + domain.name()
                    + " that this workspace did not create, so its mailboxes cannot send through it. Use SMTP "
                    + "mailboxes for this domain, or ask support to hand the identity over.");
        }
        return Optional.of(new SesIdentityStatus(Boolean.TRUE.equals(identity.verifiedForSendingStatus()),
                identity.dkimAttributes() == null ? "PENDING" : identity.dkimAttributes().statusAsString()));
    }

    private static ProblemException unavailable(Domain domain, SdkException e) {
        return new ProblemException(SES_UNAVAILABLE, "SES could not be asked about " + domain.name()
                + " just now (" + e.getClass().getSimpleName() + "); nothing changed. Try again in a minute.");
    }
}
