package dev.penguinmails.emulators;

import dev.penguinmails.topology.ConfigKeys;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each emulated service answers.
 *
 * @param sesv2      the SES v2 API
 * @param mailViewer the web page listing every mail sent through SES
 */
public record LocalAwsEndpoints(URI dynamodb, URI sqs, URI s3, URI eventBridge, URI sesv2, int smtpPort, int imapPort,
                                URI mailViewer) {

    /** The endpoint override properties ({@code penguinmails.aws.endpoints.<svc>}) a function reads. */
    public Map<String, String> endpointProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ConfigKeys.endpoint("dynamodb"), dynamodb.toString());
        p.put(ConfigKeys.endpoint("sqs"), sqs.toString());
        p.put(ConfigKeys.endpoint("s3"), s3.toString());
        p.put(ConfigKeys.endpoint("sesv2"), sesv2.toString());
        p.put(ConfigKeys.endpoint("eventbridge"), eventBridge.toString());
        return p;
    }
}
