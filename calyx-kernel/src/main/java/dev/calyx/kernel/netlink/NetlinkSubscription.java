package dev.calyx.kernel.netlink;

import dev.calyx.kernel.sys.Errno;

import java.util.function.Consumer;

/**
 * Delivers rtnetlink multicast events from a dedicated socket to a listener on a thread this class owns.
 *
 * <p>Design: one platform daemon thread per subscription blocks in recv with a short SO_RCVTIMEO, so
 * {@link #close()} is noticed within {@value #POLL_MILLIS} ms without signals or a second descriptor. Events are
 * parsed straight out of the receive buffer and handed over one by one, in kernel order. A listener that throws
 * does not end the subscription (the failure is logged); an ENOBUFS overflow becomes {@link RtEvent.Overflow}.
 *
 * <p>Thread safety: the listener is only ever called from the subscription thread; {@code close} may be called
 * from any thread, including the listener itself.
 */
final class NetlinkSubscription implements Subscription {
    static final int POLL_MILLIS = 200;
    private static final System.Logger LOG = System.getLogger(NetlinkSubscription.class.getName());

    private final NetlinkSocket socket;
    private final Consumer<RtEvent> listener;
    private final Thread thread;
    private volatile boolean closed;

    NetlinkSubscription(NetlinkSocket socket, Consumer<RtEvent> listener, String name) {
        this.socket = socket;
        this.listener = listener;
        socket.configureForEvents(POLL_MILLIS);
        this.thread = Thread.ofPlatform().daemon(true).name("calyx-netlink-events-" + name).unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        try {
            while (!closed) {
                long n;
                try {
                    n = socket.receive("receive events", () -> "subscription", false);
                } catch (NetlinkException e) {
                    if (e.errno() == Errno.ENOBUFS) {
                        deliver(new RtEvent.Overflow());
                        continue;
                    }
                    if (!closed) {
                        LOG.log(System.Logger.Level.ERROR, "netlink event subscription stopped", e);
                    }
                    return;
                }
                for (NlMessage m : NlMessage.split(socket.receiveBuffer(), n)) {
                    RtEvent event = toEvent(m);
                    if (event != null && !closed) {
                        deliver(event);
                    }
                }
            }
        } finally {
            socket.close();
        }
    }

    static RtEvent toEvent(NlMessage m) {
        return switch (m.type()) {
            case Rtm.NEWLINK, Rtm.DELLINK -> {
                Link link = LinkCodec.parse(m);
                yield link == null ? null : new RtEvent.LinkUpdate(link, m.type() == Rtm.DELLINK);
            }
            case Rtm.NEWADDR, Rtm.DELADDR -> {
                Address address = AddressCodec.parse(m);
                yield address == null ? null : new RtEvent.AddressUpdate(address, m.type() == Rtm.DELADDR);
            }
            case Rtm.NEWROUTE, Rtm.DELROUTE -> {
                Route route = RouteCodec.parse(m);
                yield route == null ? null : new RtEvent.RouteUpdate(route, m.type() == Rtm.DELROUTE);
            }
            default -> null;
        };
    }

    private void deliver(RtEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "netlink event listener failed on " + event, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
