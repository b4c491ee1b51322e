package dev.penguinmails.shared.outbound;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a customer-supplied host before anything connects to it, and refuses one that leads anywhere but the
 * public internet, so a mailbox or webhook cannot be aimed at our own network or the instance metadata service.
 * Every address must be public: a name with one private address among public ones is refused too.
 */
@Singleton
public class OutboundTargets {
    private final OutboundSettings settings;

    public OutboundTargets(OutboundSettings settings) {
        this.settings = settings;
    }

    /** Whether local-only targets (loopback, any port, plain text) are allowed here. */
    public boolean localTargetsAllowed() {
        return settings.localTargets();
    }

    /**
     * The host's addresses, every one of them public.
     *
     * @throws RefusedTarget if the host does not resolve, or resolves to an address that is not public
     */
    public List<InetAddress> resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget(RefusedTarget.Reason.UNKNOWN_HOST, host + " does not resolve to any address");
        }
        if (!settings.localTargets()) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new RefusedTarget(RefusedTarget.Reason.NOT_PUBLIC, host + " resolves to "
                            + address.getHostAddress() + ", which is not a public internet address");
                }
            }
        }
        return List.of(addresses);
    }

    /** Why a target was refused. */
    public static final class RefusedTarget extends RuntimeException {
        public enum Reason { UNKNOWN_HOST, NOT_PUBLIC }

        private final Reason reason;

        public RefusedTarget(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
