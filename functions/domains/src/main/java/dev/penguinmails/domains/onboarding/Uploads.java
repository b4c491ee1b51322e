package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Uploaded onboarding files in the {@code domains-onboarding} bucket ({@code <workspace>/<job id>.csv.sealed}). A
 * mailboxes file holds passwords, so every file is sealed before it is stored (envelope encryption under the
 * customer-secrets key, bound to the workspace, purpose {@value #PURPOSE} and the job) and deleted when its job
 * ends; the bucket keeps a deleted object's noncurrent version for a day, still sealed, and expires files a job
 * never reached after a week.
 */
@Singleton
class Uploads {
    static final String PURPOSE = "onboarding-upload";

    private final S3Client s3;
    private final SecretBox secrets;
    private final String bucket;

    Uploads(S3Client s3, SecretBox secrets,
            @Property(name = "penguinmails.buckets." + PenguinMailsTopology.DOMAINS_ONBOARDING) String bucket) {
        this.s3 = s3;
        this.secrets = secrets;
        this.bucket = bucket;
    }

    /** Stores the file sealed; its object key. */
    String put(TenantContext tenant, String jobId, byte[] csv) {
        String key = tenant.workspaceId() + "/" + jobId + ".csv.sealed";
        String sealed = secrets.seal(csv, context(tenant, jobId));
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/octet-stream"),
                RequestBody.fromString(sealed, StandardCharsets.US_ASCII));
        return key;
    }

    /** The file as uploaded, or empty once deleted (or expired). */
    Optional<byte[]> read(TenantContext tenant, String jobId, String key) {
        requireOwn(tenant, key);
        try {
            String sealed = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.US_ASCII);
            return Optional.of(secrets.open(sealed, context(tenant, jobId)));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }

    void delete(TenantContext tenant, String key) {
        requireOwn(tenant, key);
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static void requireOwn(TenantContext tenant, String key) {
        if (!key.startsWith(tenant.workspaceId() + "/")) {
            throw new IllegalStateException("an upload of another workspace");
        }
    }

    private static SecretContext context(TenantContext tenant, String jobId) {
        return new SecretContext(tenant.workspaceId(), PURPOSE, jobId);
    }

    static String configKey() {
        return ConfigKeys.bucket(PenguinMailsTopology.DOMAINS_ONBOARDING);
    }
}
