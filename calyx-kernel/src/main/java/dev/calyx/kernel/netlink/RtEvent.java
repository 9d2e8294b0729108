package dev.calyx.kernel.netlink;

import java.util.Objects;

/**
 * A change the kernel announced on an rtnetlink multicast group. {@code deleted} is true for RTM_DEL* messages.
 * {@link Overflow} means the kernel dropped events because the listener fell behind (ENOBUFS): whoever caches kernel
 * state must then resynchronize from full dumps, as felix's interface monitor does.
 */
public sealed interface RtEvent {
    record LinkUpdate(Link link, boolean deleted) implements RtEvent {
        public LinkUpdate {
            Objects.requireNonNull(link, "link");
        }
    }

    record AddressUpdate(Address address, boolean deleted) implements RtEvent {
        public AddressUpdate {
            Objects.requireNonNull(address, "address");
        }
    }

    record RouteUpdate(Route route, boolean deleted) implements RtEvent {
        public RouteUpdate {
            Objects.requireNonNull(route, "route");
        }
    }

    record Overflow() implements RtEvent {}
}
