package dev.calyx.calc;

import java.util.Comparator;
import java.util.Objects;

/**
 * A member of an IP set: a net ({@code 10.65.0.3/32}, {@code 192.168.0.0/16}) or, for a named-port set, a net with
 * an IANA protocol number and a port. {@code protocol} and {@code port} are 0 for plain members.
 */
public record IpSetMember(String net, int protocol, int port) implements Comparable<IpSetMember> {
    private static final Comparator<IpSetMember> ORDER = Comparator.<IpSetMember, String>comparing(IpSetMember::net)
            .thenComparingInt(IpSetMember::protocol).thenComparingInt(IpSetMember::port);

    public IpSetMember {
        Objects.requireNonNull(net, "net");
        if ((protocol == 0) != (port == 0)) {
            throw new IllegalArgumentException("ip set member " + net + ": protocol " + protocol + " and port "
                    + port + " go together");
        }
    }

    public static IpSetMember net(String net) {
        return new IpSetMember(net, 0, 0);
    }

    public boolean hasPort() {
        return port != 0;
    }

    @Override
    public int compareTo(IpSetMember o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return hasPort() ? net + "," + protocol + ":" + port : net;
    }
}
