package dev.penguinmails.contacts.exports;

import dev.penguinmails.shared.aws.S3Presigners;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The exports bucket: one CSV per export at {@code exports/<workspace>/<export id>.csv}, written by a multipart
 * upload (a part per few MiB of rows, so no slice holds the file) and read through a presigned GET. Keys are made
 * here from the workspace and export ids only.
 */
@Singleton
class ExportObjects {
    // A provider: the exports API and its consumer build the S3 client on first use, not in every cold start's init.
    private final BeanProvider<S3Client> s3;
    private final S3Presigners presigners;
    private final String bucket;

    ExportObjects(BeanProvider<S3Client> s3, S3Presigners presigners,
                  @Property(name = "penguinmails.buckets." + PenguinMailsTopology.EXPORTS_BUCKET) String bucket) {
        this.s3 = s3;
        this.presigners = presigners;
        this.bucket = bucket;
    }

    static String key(String workspaceId, String exportId) {
        return "exports/" + workspaceId + "/" + exportId + ".csv";
    }

    String startUpload(String key) {
        return s3.get().createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("text/csv; charset=utf-8")).uploadId();
    }

    /** Uploads (or uploads again, replacing it) part {@code number}; its ETag. */
    String uploadPart(String key, String uploadId, int number, byte[] bytes) {
        return s3.get().uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)).eTag();
    }

    /**
     * Completes the upload from its parts; false if S3 knows no such upload, which means it was completed already
     * when the object exists (a slice died between completing and recording it).
     */
    boolean complete(String key, String uploadId, List<ContactExport.Part> parts) {
        try {
            s3.get().completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(
                    parts.stream().map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build()).toList())));
            return true;
        } catch (NoSuchUploadException gone) {
            return exists(key);
        }
    }

    void abort(String key, String uploadId) {
        try {
            s3.get().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException gone) {
            // Nothing to abort.
        }
    }

    boolean exists(String key) {
        try {
            s3.get().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A URL to GET the file for {@code expiry}, saved as {@code fileName}. */
    URL presignDownload(String key, Duration expiry, String fileName) {
        return presigners.presigner().presignGetObject(p -> p.signatureDuration(expiry).getObjectRequest(r -> r
                .bucket(bucket).key(key).responseContentType("text/csv; charset=utf-8")
                .responseContentDisposition("attachment; filename=\"" + fileName + "\""))).url();
    }
}
