package dev.penguinmails.shared.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublicAddressesTest {

    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            "8.8.8.8, true", "1.1.1.1, true", "172.32.0.1, true", "100.128.0.1, true", "2a00:1450:4001::1, true",
            "127.0.0.1, false", "10.1.2.3, false", "172.16.5.4, false", "172.31.255.255, false", "192.168.1.1, false",
            "169.254.169.254, false", "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false", "255.255.255.255, false",
            "198.18.0.1, false", "192.0.2.10, false", "::1, false", "::, false", "fe80::1, false", "fd00:ec2::254, false",
            "::ffff:127.0.0.1, false", "::ffff:8.8.8.8, true", "64:ff9b::a9fe:a9fe, false", "64:ff9b::808:808, true",
            "2002:c0a8:0101::1, false", "2001:0:4136:e378::1, false", "ff02::1, false", "2001:db8::1, false"})
    void classifiesAddresses(String literal, boolean expected) throws Exception {
        assertEquals(expected, PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @Test
    void refusesAHostThatResolvesToLoopbackUnlessLocalTargetsAreAllowed() {
        OutboundTargets.RefusedTarget refused = assertThrows(OutboundTargets.RefusedTarget.class,
                () -> new OutboundTargets(new OutboundSettings(false)).resolve("localhost"));
        assertEquals(OutboundTargets.RefusedTarget.Reason.NOT_PUBLIC, refused.reason());
        assertTrue(refused.getMessage().contains("not a public internet address"), refused.getMessage());
        assertTrue(new OutboundTargets(new OutboundSettings(true)).resolve("localhost").stream()
                .allMatch(InetAddress::isLoopbackAddress));
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        OutboundTargets.RefusedTarget refused = assertThrows(OutboundTargets.RefusedTarget.class,
                () -> new OutboundTargets(new OutboundSettings(true)).resolve("no-such-host.invalid"));
        assertEquals(OutboundTargets.RefusedTarget.Reason.UNKNOWN_HOST, refused.reason());
    }
}
