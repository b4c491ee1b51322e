package dev.penguinmails.domains.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.0/24, 192.0.2.255, true",
        "192.0.2.0/24, 192.0.3.0, false",
        "192.0.2.64/26, 192.0.2.127, true",
        "192.0.2.64/26, 192.0.2.128, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "192.0.2.1, 192.0.2.1, true",
        "192.0.2.1, 192.0.2.2, false",
        "2001:db8::/33, 2001:db8:7fff::1, true",
        "2001:db8::/33, 2001:db8:8000::1, false",
        "192.0.2.0/24, 2001:db8::1, false",
        "::/0, 192.0.2.1, false",
    })
    void containsComparesThePrefixBits(String network, String address, boolean contained) {
        assertThat(IpNetwork.parse(network).contains(InetAddresses.forString(address))).isEqualTo(contained);
    }
}
