package dev.penguinmails.domains.mailboxes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a {@link Mailbox} is laid out as a DynamoDB item (without its key). */
final class MailboxItems {
    /** Attributes a mailbox may lack; a rewrite removes them when the new state has none. */
    static final List<String> OPTIONAL = List.of("displayName", "smtp", "imap", "signatureHtml", "lastTest", "lastFailure",
            "warmupStartedOn", "expiresAt");

    private MailboxItems() { }

    static Map<String, AttributeValue> write(Mailbox m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", s(m.workspaceId()));
        item.put("id", s(m.id()));
        item.put("address", s(m.address()));
        item.put("domain", s(m.domain()));
        put(item, "displayName", m.displayName());
        item.put("provider", s(m.provider().name()));
        item.put("status", s(m.status().name()));
        if (m.smtp() != null) {
            item.put("smtp", login(m.smtp()));
        }
        if (m.imap() != null) {
            item.put("imap", login(m.imap()));
        }
        item.put("dailyLimit", n(m.dailyLimit()));
        item.put("warmupEnabled", AttributeValue.fromBool(m.warmup().enabled()));
        item.put("warmupStartPerDay", n(m.warmup().startPerDay()));
        item.put("warmupIncreasePerDay", n(m.warmup().increasePerDay()));
        put(item, "warmupStartedOn", m.warmup().startedOn() == null ? null : m.warmup().startedOn().toString());
        put(item, "signatureHtml", m.signatureHtml());
        if (m.lastTest() != null) {
            Map<String, AttributeValue> test = new HashMap<>(Map.of("testedAt", s(m.lastTest().testedAt().toString()),
                    "passed", AttributeValue.fromBool(m.lastTest().passed())));
            put(test, "failure", m.lastTest().failure());
            item.put("lastTest", AttributeValue.fromM(test));
        }
        if (m.lastFailure() != null) {
            MailboxFailure f = m.lastFailure();
            item.put("lastFailure", AttributeValue.fromM(Map.of("code", n(f.code()), "reason", s(f.reason()),
                    "at", s(f.at().toString()), "source", s(f.source()))));
        }
        item.put("createdAt", s(m.createdAt().toString()));
        item.put("updatedAt", s(m.updatedAt().toString()));
        item.put("version", n(m.version()));
        return item;
    }

    static Mailbox read(Map<String, AttributeValue> item) {
        Warmup warmup = new Warmup(item.get("warmupEnabled").bool(), num(item, "warmupStartPerDay"),
                num(item, "warmupIncreasePerDay"),
                item.containsKey("warmupStartedOn") ? LocalDate.parse(item.get("warmupStartedOn").s()) : null);
        ConnectionSummary lastTest = null;
        if (item.containsKey("lastTest")) {
            Map<String, AttributeValue> t = item.get("lastTest").m();
            lastTest = new ConnectionSummary(Instant.parse(t.get("testedAt").s()), t.get("passed").bool(),
                    t.containsKey("failure") ? t.get("failure").s() : null);
        }
        MailboxFailure lastFailure = null;
        if (item.containsKey("lastFailure")) {
            Map<String, AttributeValue> f = item.get("lastFailure").m();
            lastFailure = new MailboxFailure(Integer.parseInt(f.get("code").n()), f.get("reason").s(),
                    Instant.parse(f.get("at").s()), f.get("source").s());
        }
        return new Mailbox(item.get("workspaceId").s(), item.get("id").s(), item.get("address").s(),
                item.get("domain").s(), str(item, "displayName"), Mailbox.Provider.valueOf(item.get("provider").s()),
                Mailbox.Status.valueOf(item.get("status").s()), login(item.get("smtp")), login(item.get("imap")),
                num(item, "dailyLimit"), warmup, str(item, "signatureHtml"), lastTest, lastFailure,
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue login(ServerLogin l) {
        return AttributeValue.fromM(Map.of("host", s(l.host()), "port", n(l.port()), "security", s(l.security().name()),
                "username", s(l.username()), "passwordSealed", s(l.passwordSealed())));
    }

    private static ServerLogin login(AttributeValue v) {
        if (v == null) {
            return null;
        }
        Map<String, AttributeValue> m = v.m();
        return new ServerLogin(m.get("host").s(), Integer.parseInt(m.get("port").n()),
                ServerLogin.Security.valueOf(m.get("security").s()), m.get("username").s(), m.get("passwordSealed").s());
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
