package dev.penguinmails.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void ipv6AddressesCountAsTheirSlash64() {
        assertThat(ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.network("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.network("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.network("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void ipv4AndAnythingElseStayAsTheyAre() {
        assertThat(ClientAddress.network("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.network("::ffff:192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.network("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.network("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(ClientAddress.network("1:2")).isEqualTo("1:2");
        assertThat(ClientAddress.network(null)).isNull();
    }
}
