package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Base of the import tests: starts an import through the API, uploads the file with the presigned URL over HTTP
 * (S3Proxy, which sends S3's event to the imports queue as S3 would), then hands what reached the queue to the real
 * SQS handler until the queue is empty, as Lambda's poller would.
 */
abstract class ImportTestBase extends ContactsApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String imports(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/contact-imports";
    }

    /** POST .../contact-imports with {@code body}. */
    Reply start(Caller caller, String workspaceId, String body) {
        return http.post(imports(workspaceId), body, caller.headers());
    }

    /** Starts an import of {@code file}, uploads it, runs the worker; the import as it ended. */
    JsonNode importFile(Caller caller, String workspaceId, String format, byte[] file, String more) {
        Reply started = start(caller, workspaceId, "{\"format\":\"" + format + "\",\"sizeBytes\":" + Math.max(1, file.length)
                + (more.isEmpty() ? "" : "," + more) + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("contactImport").path("id").asText();
        assertThat(started.json().path("contactImport").path("state").asText()).isEqualTo("awaiting-upload");
        upload(started.json().path("upload"), file);
        drain();
        return poll(caller, workspaceId, id);
    }

    /** PUTs the file to the presigned URL with the headers the answer names. */
    static void upload(JsonNode upload, byte[] file) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        try {
            HttpResponse<String> answer = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Downloads a presigned URL. */
    static String download(String url) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode poll(Caller caller, String workspaceId, String id) {
        Reply reply = http.get(imports(workspaceId) + "/" + id, caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The error report's CSV. */
    String report(Caller caller, String workspaceId, String id) {
        Reply reply = http.get(imports(workspaceId) + "/" + id + "/errors", caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return download(reply.json().path("url").asText());
    }

    String queueUrl() {
        return stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.CONTACTS_IMPORTS));
    }

    /**
     * Runs the consumer on what is on the queue until it is empty; messages it reports failed are deleted too (a
     * test that wants them again says so). The number of messages handled.
     */
    int drain() {
        SqsClient sqs = context.getBean(SqsClient.class);
        ImportConsumer consumer = new ImportConsumer(context);
        int handled = 0;
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(1).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                SQSEvent event = new SQSEvent();
                SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
                message.setMessageId(m.messageId());
                message.setBody(m.body());
                event.setRecords(new ArrayList<>(List.of(message)));
                SQSBatchResponse response = consumer.execute(event);
                lastFailures = response.getBatchItemFailures().size();
                sqs.deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(m.receiptHandle()));
                handled++;
            }
        } while (!batch.isEmpty());
        return handled;
    }

    /** How many messages the last one handled by {@link #drain} failed (0 or 1). */
    int lastFailures;

    /** Properties for a class that kills the worker: a short lease and one batch per slice, plus {@code more}. */
    static Map<String, String> killable(Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(more);
        properties.put("penguinmails.contacts.imports.lease", "2s");
        properties.put("penguinmails.contacts.imports.slice-budget", "0s");
        return properties;
    }

    @AfterEach
    void noMoreInterruptions() {
        context.getBean(ImportWorker.class).interruptWith((id, through) -> { });
    }

    /**
     * Delivers the import's message again, at most {@code times} times, until it completes, as Lambda does after the
     * visibility timeout (the dead slice's lease has run out by then); the slices handled.
     */
    int redeliverUntilCompleted(Caller caller, String workspaceId, String id, int times) throws InterruptedException {
        int slices = 0;
        for (int redelivery = 0; redelivery < times
                && !poll(caller, workspaceId, id).path("state").asText().equals("completed"); redelivery++) {
            Thread.sleep(2_100);
            context.getBean(SqsClient.class).sendMessage(r -> r.queueUrl(queueUrl())
                    .messageBody("{\"workspaceId\":\"" + workspaceId + "\",\"importId\":\"" + id + "\"}"));
            slices += drain();
        }
        return slices;
    }

    /** Every contact of the workspace, in id order. */
    List<JsonNode> allContacts(Caller caller, String workspaceId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = http.get(contacts(workspaceId) + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    caller.headers());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("nextCursor").isNull() || page.json().path("nextCursor").isMissingNode()
                    ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return all;
    }
}
