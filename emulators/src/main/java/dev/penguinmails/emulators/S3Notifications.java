package dev.penguinmails.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 event notifications for S3Proxy, which has none: the buckets registered here send S3's own
 * {@code ObjectCreated:*} event JSON (event version 2.1, the object key URL-encoded as S3 does) to their queue once
 * an object is stored. S3Proxy calls {@link #objectCreated} from its blob store after the write succeeded, so the
 * message is sent before the uploader's PUT is answered, as on AWS it follows within moments.
 */
public final class S3Notifications {
    /** The configuration id the events carry; the CDK app's notification has its own. */
    public static final String CONFIGURATION_ID = "penguinmails-object-created";
    private static final Logger LOG = LoggerFactory.getLogger(S3Notifications.class);

    private final Map<String, String> queueUrlByBucket = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);
    private final String region;
    private volatile SqsClient sqs;

    public S3Notifications(String region) {
        this.region = region;
    }

    /** Sends the events of {@code bucket} to {@code queueUrl} from now on (again for a bucket provisioned again). */
    public void register(String bucket, String queueUrl) {
        queueUrlByBucket.put(bucket, queueUrl);
    }

    /** The SQS client the events are sent with; until it is set, nothing is sent. */
    void deliverWith(SqsClient client) {
        this.sqs = client;
    }

    /**
     * Sends the event of an object created in {@code bucket}, if the bucket is registered. A failure is logged, not
     * thrown: the object is stored either way, as on AWS.
     */
    public void objectCreated(String bucket, String key, long size, String eTag, String eventName) {
        String queueUrl = queueUrlByBucket.get(bucket);
        SqsClient client = sqs;
        if (queueUrl == null || client == null) {
            return;
        }
        try {
            String body = event(bucket, key, size, eTag, eventName);
            client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (RuntimeException e) {
            LOG.warn("The S3 event of {}/{} could not be sent to {}: {}", bucket, key, queueUrl, e.toString());
        }
    }

    /** The event as S3 writes it (one record). */
    String event(String bucket, String key, long size, String eTag, String eventName) {
        ObjectNode root = json.createObjectNode();
        ArrayNode records = root.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", "ObjectCreated:" + eventName);
        record.putObject("userIdentity").put("principalId", "local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", CONFIGURATION_ID);
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", "local");
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        object.put("size", size);
        if (eTag != null) {
            object.put("eTag", eTag.replace("\"", ""));
        }
        object.put("sequencer", Long.toHexString(sequencer.incrementAndGet()).toUpperCase(java.util.Locale.ROOT));
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** S3 form-encodes the key in events ({@code my file.csv} is {@code my+file.csv}); slashes stay. */
    static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1)).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
