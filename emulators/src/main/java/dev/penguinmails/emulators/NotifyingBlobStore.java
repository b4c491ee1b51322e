package dev.penguinmails.emulators;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** S3Proxy's blob store, telling {@link S3Notifications} of every object created once it is stored. */
final class NotifyingBlobStore extends ForwardingBlobStore {
    private final S3Notifications notifications;

    NotifyingBlobStore(BlobStore delegate, S3Notifications notifications) {
        super(delegate);
        this.notifications = notifications;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        created(request.bucket(), request.key(), "Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), "Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(upload.containerName(), upload.blobName(), "CompleteMultipartUpload");
        return response;
    }

    /** The size and ETag as stored, which the request may not state (a chunked upload). */
    private void created(String bucket, String key, String eventName) {
        HeadObjectResponse head = delegate().blobMetadata(software.amazon.awssdk.services.s3.model.HeadObjectRequest
                .builder().bucket(bucket).key(key).build());
        long size = head == null || head.contentLength() == null ? 0 : head.contentLength();
        notifications.objectCreated(bucket, key, size, head == null ? null : head.eTag(), eventName);
    }
}
