package dev.penguinmails.domains.spf;

/**
 * An ip4 or ip6 network listed in the record tree, at {@code domain}. {@code result} is what a host in it gets
 * for the checked domain, or null when it cannot match (e.g. {@code -ip4:} inside an include).
 */
public record SpfNetwork(IpNetwork network, String domain, Qualifier result) {
}
