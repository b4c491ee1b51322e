package dev.penguinmails.identity.login;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.tokens.SecretHash;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Remembers the devices a person signs in from ({@code USER#<id> / DEVICE#<hash>}, forgotten after 180
 * days unused) and says whether a login comes from a new one. See {@link Device} for what counts as
 * the same device. The very first device of an account is not "new": nobody needs an email about
 * the login right after signup.
 */
@Singleton
public class DeviceRecognizer {
    private static final Duration FORGET_AFTER = Duration.ofDays(180);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock = Clock.systemUTC();

    public DeviceRecognizer(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** The device of this login, with whether the account has signed in from it before. */
    public Recognition recognize(String userId, ClientInfo client, boolean firstLoginEver) {
        Device device = deviceOf(userId, client);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.device(userId, device.id()));
        item.put("label", s(device.label()));
        item.put("network", s(device.network()));
        item.put("firstSeenAt", time(now));
        item.put("lastSeenAt", time(now));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(now.plus(FORGET_AFTER)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", epochSeconds(now))));
            return new Recognition(device, !firstLoginEver);
        } catch (ConditionalCheckFailedException known) {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.device(userId, device.id()))
                    .updateExpression("SET lastSeenAt = :now, expiresAt = :expires")
                    .expressionAttributeValues(Map.of(":now", time(now), ":expires", epochSeconds(now.plus(FORGET_AFTER)))));
            return new Recognition(device, false);
        }
    }

    static Device deviceOf(String userId, ClientInfo client) {
        String family = UserAgentFamily.of(client.userAgent());
        String network = network(client.ip());
        String id = SecretHash.sha256Hex(userId + "|" + family + "|" + network).substring(0, 32);
        return new Device(id, family, network);
    }

    /** The IPv4 /24 or IPv6 /48 the address is in; the address itself when it is neither. */
    static String network(String ip) {
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
        }
        if (ip.contains(":")) {
            try {
                // A literal with ':' is parsed, never looked up in DNS.
                byte[] bytes = InetAddress.getByName(ip).getAddress();
                if (bytes.length == 16) {
                    return String.format("%02x%02x:%02x%02x:%02x%02x::/48", bytes[0], bytes[1], bytes[2], bytes[3],
                            bytes[4], bytes[5]);
                }
            } catch (UnknownHostException e) {
                return ip;
            }
        }
        return ip;
    }

    /** The login's device and whether to tell the person about it. */
    public record Recognition(Device device, boolean isNew) { }
}
