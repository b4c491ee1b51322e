package dev.penguinmails.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.accounts.ClientInfo;
import org.junit.jupiter.api.Test;

class UserAgentFamilyTest {

    private static final String[] CASES = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87|Edge on Windows",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36|Chrome on macOS",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15|Safari on macOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1|Chrome on iOS",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36|Chrome on Android",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox on Linux",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0|Opera on Windows",
        "curl/8.5.0|curl",
        "python-requests/2.32.3|Python",
        "something-new/1.0|Unknown device"};

    @Test
    void namesTheBrowserFamilyAndSystemWithoutVersions() {
        for (String c : CASES) {
            String[] parts = c.split("\\|");
            assertThat(UserAgentFamily.of(parts[0])).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void aBrowserUpdateOrANewAddressInTheSameNetworkIsTheSameDevice() {
        Device before = DeviceRecognizer.deviceOf("usr_1", new ClientInfo("192.0.2.10",
                "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"));
        Device updated = DeviceRecognizer.deviceOf("usr_1", new ClientInfo("192.0.2.200",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        Device elsewhere = DeviceRecognizer.deviceOf("usr_1", new ClientInfo("198.51.100.10",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        Device someoneElse = DeviceRecognizer.deviceOf("usr_2", new ClientInfo("192.0.2.10",
                "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"));

        assertThat(updated.id()).isEqualTo(before.id());
        assertThat(elsewhere.id()).isNotEqualTo(before.id());
        assertThat(someoneElse.id()).isNotEqualTo(before.id());
        assertThat(before.network()).isEqualTo("192.0.2.0/24");
    }

    @Test
    void ipv6AddressesAreGroupedBySlash48AndNothingIsLookedUp() {
        assertThat(DeviceRecognizer.network("2001:db8:abcd:12::1")).isEqualTo("2001:0db8:abcd::/48");
        assertThat(DeviceRecognizer.network("2001:db8:abcd:ffff::9")).isEqualTo("2001:0db8:abcd::/48");
        assertThat(DeviceRecognizer.network("unknown")).isEqualTo("unknown");
        assertThat(DeviceRecognizer.network("example.com")).isEqualTo("example.com");
    }
}
