package dev.penguinmails.identity.login;

import java.util.Objects;

/**
 * What "the same device" means for new-device emails: the browser family and operating system (not
 * their versions, which change with every update) and the network (an IPv4 /24 or IPv6 /48, which
 * survives the address changes of one home or office line but not a move to another network).
 *
 * @param id    a hash of the user, family and network; only it is stored
 * @param label what the person reads, e.g. "Firefox on Windows"
 */
public record Device(String id, String label, String network) {
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(network, "network");
    }
}
