package dev.penguinmails.domains.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DomainsApiTest;
import dev.penguinmails.domains.plans.PlanLimitsConsumer;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.ConfigKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * Base of the tests that connect mailboxes: GreenMail with authentication on stands in for customers' SMTP and
 * IMAP servers, and a local HTTP server for SES v2's identity API, which records every request (real SES is not
 * exercised here). Subclasses carry {@code @MicronautTest}.
 */
@Tag("integration")
public abstract class MailboxesApiTest extends DomainsApiTest {
    protected static final String PASSWORD = "s3cret-Pa55";
    private static final ObjectMapper JSON = new ObjectMapper();

    protected GreenMail greenMail;
    private HttpServer ses;
    /** Every SES request: method, path and body. */
    protected final List<String> sesRequests = new CopyOnWriteArrayList<>();
    /** The identities SES holds: domain to the workspace its tag names. */
    protected final Map<String, String> sesIdentities = new ConcurrentHashMap<>();
    /** Whether SES reports every identity verified. */
    protected final AtomicBoolean sesVerified = new AtomicBoolean();
    /** While set, DeleteEmailIdentity fails with a 500 (retries included), as an outage would. */
    protected final AtomicBoolean sesDeleteDown = new AtomicBoolean();

    @Override
    protected Map<String, String> extraProperties() {
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig());
        greenMail.start();
        ses = startSes();
        return Map.of("penguinmails.outbound.local-targets", "true",
                "penguinmails.mailboxes.connect-timeout", "1s",
                "penguinmails.mailboxes.read-timeout", "2s",
                ConfigKeys.endpoint("sesv2"), "http://127.0.0.1:" + ses.getAddress().getPort());
    }

    @AfterAll
    void stopServers() {
        greenMail.stop();
        ses.stop(0);
    }

    /** A GreenMail account for {@code local@domain}, with {@link #PASSWORD}. */
    protected String user(String local, String domain) {
        String address = local + "@" + domain;
        greenMail.setUser(address, address, PASSWORD);
        return address;
    }

    /** Connects an SMTP mailbox for {@code address} with the right password; answers its id. */
    protected String connect(String ws, String address) {
        Reply connected = http.post(mailboxes(ws), smtpBody(address, PASSWORD), Caller.owner(ws).headers());
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        return connected.json().get("id").asText();
    }

    /** Publishes billing's plan on the bus and lets the real consumer take it off the {@code domains-plans} queue. */
    protected void plan(String ws, String planId, PlanLimits limits, long version) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.PLAN_CHANGED, ws,
                new PlanChanged(planId, null, "monthly", "active", limits, null, null, version)));
        deliver(PenguinMailsTopology.DOMAINS_PLANS, new PlanLimitsConsumer(context));
    }

    protected String smtpBody(String address, String password) {
        return """
                {"address":"%s","displayName":"Ana","dailyLimit":40,"smtp":%s,"imap":%s}"""
                .formatted(address, server(greenMail.getSmtp().getPort(), password),
                        server(greenMail.getImap().getPort(), password));
    }

    protected static String server(int port, String password) {
        return "{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"security\":\"none\",\"password\":\"" + password + "\"}";
    }

    protected static String mailboxes(String ws) {
        return "/v1/workspaces/" + ws + "/mailboxes";
    }

    /** SES v2's identity API as far as domains use it (create, get, delete), recording every request. */
    private HttpServer startSes() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v2/email/identities", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                sesRequests.add(exchange.getRequestMethod() + " " + path + " " + body);
                String name = path.substring(path.lastIndexOf('/') + 1);
                switch (exchange.getRequestMethod()) {
                    case "POST" -> {
                        JsonNode create = JSON.readTree(body);
                        sesIdentities.put(create.get("EmailIdentity").asText(), create.at("/Tags/0/Value").asText());
                        answer(exchange, 200, "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":false,"
                                + "\"DkimAttributes\":{\"SigningEnabled\":true,\"Status\":\"PENDING\"}}");
                    }
                    case "DELETE" -> {
                        if (sesDeleteDown.get()) {
                            answer(exchange, 500, "{\"message\":\"Internal failure\"}");
                        } else if (sesIdentities.remove(name) == null) {
                            notFound(exchange);
                        } else {
                            answer(exchange, 200, "{}");
                        }
                    }
                    default -> {
                        String owner = sesIdentities.get(name);
                        if (owner == null) {
                            notFound(exchange);
                        } else {
                            answer(exchange, 200, "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":"
                                    + sesVerified.get() + ",\"DkimAttributes\":{\"SigningEnabled\":true,\"Status\":\""
                                    + (sesVerified.get() ? "SUCCESS" : "PENDING") + "\"},"
                                    + "\"Tags\":[{\"Key\":\"penguinmails:workspace\",\"Value\":\"" + owner + "\"}]}");
                        }
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "NotFoundException");
        answer(exchange, 404, "{\"message\":\"Email identity does not exist.\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
