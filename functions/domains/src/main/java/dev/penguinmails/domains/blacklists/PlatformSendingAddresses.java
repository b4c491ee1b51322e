package dev.penguinmails.domains.blacklists;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.dns.DnsLookup;
import jakarta.inject.Singleton;
import java.util.List;

/** The platform's own sending addresses ({@code penguinmails.blacklists.sending-ips}): every domain sends from them. */
@Singleton
class PlatformSendingAddresses implements SendingAddresses {
    private final List<SendingAddress> addresses;

    PlatformSendingAddresses(BlacklistSettings settings) {
        this.addresses = settings.sendingIps().stream()
                .map(ip -> new SendingAddress(SendingAddress.parse(ip), "platform")).toList();
    }

    @Override
    public Found find(Domain domain, DnsLookup dns) {
        return new Found(addresses, List.of());
    }
}
