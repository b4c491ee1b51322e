package dev.penguinmails.contacts.imports;

import dev.penguinmails.shared.aws.S3Presigners;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The imports bucket: uploads at {@code uploads/<workspace>/<import id>.<csv|xlsx>} (contact imports) or
 * {@code suppression-uploads/<workspace>/<import id>.csv} (suppression imports), written by the customer through
 * a presigned PUT (bound to the declared content type and length), and error reports at
 * {@code reports/<workspace>/<import id>-errors.csv}, read through a presigned GET. The exports bucket: files made
 * for the customer to download ({@code suppressions/<workspace>/<export id>.csv}), kept a week. Every key names
 * the workspace, and nothing here reads or writes a key of another workspace.
 */
@Singleton
class ImportObjects {
    private static final Pattern UPLOAD = Pattern.compile(
            "^(?:uploads/(ws_[0-9A-Z]{26})/(imp_[0-9A-Z]{26})\\.(?:csv|xlsx)"
                    + "|suppression-uploads/(ws_[0-9A-Z]{26})/(simp_[0-9A-Z]{26})\\.csv)$");

    private final S3Client s3;
    private final S3Presigners presigners;
    private final String bucket;
    private final String exports;

    ImportObjects(S3Client s3, S3Presigners presigners, @Property(name = "penguinmails.buckets.imports") String bucket,
                  @Property(name = "penguinmails.buckets.exports") String exports) {
        this.s3 = s3;
        this.presigners = presigners;
        this.bucket = bucket;
        this.exports = exports;
    }

    String bucket() {
        return bucket;
    }

    static String uploadKey(String workspaceId, String importId, ImportFormat format) {
        return ImportKind.ofId(importId).uploadPrefix() + workspaceId + "/" + importId + "." + format.wire();
    }

    static String suppressionExportKey(String workspaceId, String exportId) {
        return "suppressions/" + workspaceId + "/" + exportId + ".csv";
    }

    static String reportKey(String workspaceId, String importId) {
        return "reports/" + workspaceId + "/" + importId + "-errors.csv";
    }

    /** The workspace and import of an upload's key, if it is one. */
    static Optional<Upload> upload(String key) {
        Matcher m = UPLOAD.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? new Upload(m.group(1), m.group(2)) : new Upload(m.group(3), m.group(4)));
    }

    record Upload(String workspaceId, String importId) { }

    /** A URL to PUT the file to, signed for its content type and length. */
    URL presignUpload(String key, ImportFormat format, long bytes, Duration expiry) {
        return presigners.presigner().presignPutObject(p -> p.signatureDuration(expiry).putObjectRequest(r -> r.bucket(bucket)
                .key(key).contentType(format.contentType()).contentLength(bytes))).url();
    }

    /** A URL to GET the object, for {@code expiry}. */
    URL presignDownload(String key, Duration expiry, String fileName) {
        return presignDownload(bucket, key, expiry, fileName);
    }

    /** A URL to GET the export, for {@code expiry}. */
    URL presignExport(String key, Duration expiry, String fileName) {
        return presignDownload(exports, key, expiry, fileName);
    }

    private URL presignDownload(String bucket, String key, Duration expiry, String fileName) {
        return presigners.presigner().presignGetObject(p -> p.signatureDuration(expiry).getObjectRequest(r -> r.bucket(bucket)
                .key(key).responseContentType("text/csv; charset=utf-8")
                .responseContentDisposition("attachment; filename=\"" + fileName + "\""))).url();
    }

    /** The stored object's size, or empty if there is none. */
    OptionalLong size(TenantContext tenant, String key) {
        requireOwn(tenant, key);
        try {
            return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException gone) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    InputStream open(TenantContext tenant, String key) {
        requireOwn(tenant, key);
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }

    /** A copy in a temporary file (for XLSX, which is read at random), deleted by the caller. */
    File download(TenantContext tenant, String key) {
        try (InputStream in = open(tenant, key)) {
            Path file = Files.createTempFile("import-", ".xlsx");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(TenantContext tenant, String key, Path file, String contentType) {
        requireOwn(tenant, key);
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    /** Stores a file in the exports bucket. */
    void putExport(TenantContext tenant, String key, Path file, String contentType) {
        requireOwn(tenant, key);
        s3.putObject(r -> r.bucket(exports).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    void delete(TenantContext tenant, String key) {
        requireOwn(tenant, key);
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static void requireOwn(TenantContext tenant, String key) {
        if (!key.contains("/" + tenant.workspaceId() + "/")) {
            throw new IllegalStateException("an object of another workspace");
        }
    }
}
