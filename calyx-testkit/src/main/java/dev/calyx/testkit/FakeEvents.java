package dev.calyx.testkit;

import dev.calyx.kernel.netlink.EventGroup;
import dev.calyx.kernel.netlink.RtEvent;
import dev.calyx.kernel.netlink.Subscription;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Subscribers of {@link FakeRtNetlink}; events go synchronously to those whose groups match. */
final class FakeEvents {
    private record Subscriber(Set<EventGroup> groups, Consumer<RtEvent> listener) {}

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    Subscription add(Set<EventGroup> groups, Consumer<RtEvent> listener) {
        Subscriber s = new Subscriber(Set.copyOf(groups), listener);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    void emit(RtEvent event) {
        for (Subscriber s : subscribers) {
            if (matches(s.groups(), event)) {
                s.listener().accept(event);
            }
        }
    }

    private static boolean matches(Set<EventGroup> groups, RtEvent event) {
        return switch (event) {
            case RtEvent.LinkUpdate u -> groups.contains(EventGroup.LINK);
            case RtEvent.AddressUpdate u -> groups.contains(switch (u.address().family()) {
                case V4 -> EventGroup.IPV4_ADDRESS;
                case V6 -> EventGroup.IPV6_ADDRESS;
            });
            case RtEvent.RouteUpdate u -> groups.contains(switch (u.route().family()) {
                case V4 -> EventGroup.IPV4_ROUTE;
                case V6 -> EventGroup.IPV6_ROUTE;
            });
            case RtEvent.Overflow o -> true;
        };
    }
}
