package dev.calyx.kernel.netlink;

import dev.calyx.kernel.sys.Errno;
import dev.calyx.kernel.sys.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A NETLINK_ROUTE socket and the request/reply protocol on it.
 *
 * <p>Design:
 * <ul>
 *   <li>Every request gets a fresh sequence number; replies whose sequence number or port id differ (leftovers of
 *       an earlier request abandoned by an exception) are skipped, never mistaken for this request's answer.</li>
 *   <li>Nothing is ever truncated: each datagram is first peeked with {@code MSG_PEEK|MSG_TRUNC} and a zero-length
 *       buffer, which returns its real size, and the receive buffer grows to fit before the real read.</li>
 *   <li>NETLINK_EXT_ACK is switched on, so NACKs carry the kernel's explanation (NLMSGERR_ATTR_MSG), and
 *       NETLINK_CAP_ACK so they do not echo our whole request back.</li>
 *   <li>A dump whose messages carry NLM_F_DUMP_INTR (the table changed while it was walked) is repeated, up to
 *       {@link #DUMP_ATTEMPTS} times, as containernetworking's netlinksafe does.</li>
 * </ul>
 *
 * <p>Thread safety: one request at a time, serialized by a lock; any thread may call. The socket stays in the
 * network namespace it was opened in, whatever thread uses it later.
 */
final class NetlinkSocket implements AutoCloseable {
    static final int DUMP_ATTEMPTS = 5;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final int SOCKADDR_NL_SIZE = 12;

    private final int fd;
    private final int portId;
    private final Arena arena = Arena.ofShared();
    private final ReentrantLock lock = new ReentrantLock();
    private final MemorySegment kernel;
    private MemorySegment sendBuffer;
    private MemorySegment receiveBuffer;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private NetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
        this.kernel = arena.allocate(SOCKADDR_NL_SIZE);
        kernel.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) Libc.AF_NETLINK);
        this.sendBuffer = arena.allocate(4096, 8);
        this.receiveBuffer = arena.allocate(64 * 1024, 8);
    }

    /** Opens a socket in the calling thread's network namespace, joined to the given RTNLGRP_* groups. */
    static NetlinkSocket open(int... groups) {
        int fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Nlm.NETLINK_ROUTE);
        if (fd < 0) {
            throw new NetlinkException("open", "netlink socket", -fd);
        }
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment one = tmp.allocateFrom(ValueLayout.JAVA_INT, 1);
            Libc.setsockopt(fd, Nlm.SOL_NETLINK, Nlm.NETLINK_EXT_ACK, one); // best effort: older kernels lack it
            Libc.setsockopt(fd, Nlm.SOL_NETLINK, Nlm.NETLINK_CAP_ACK, one);
            MemorySegment addr = tmp.allocate(SOCKADDR_NL_SIZE);
            addr.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) Libc.AF_NETLINK);
            check(fd, "bind", Libc.bind(fd, addr));
            for (int group : groups) {
                check(fd, "join group " + group + " on",
                        Libc.setsockopt(fd, Nlm.SOL_NETLINK, Nlm.NETLINK_ADD_MEMBERSHIP,
                                tmp.allocateFrom(ValueLayout.JAVA_INT, group)));
            }
            MemorySegment len = tmp.allocateFrom(ValueLayout.JAVA_INT, SOCKADDR_NL_SIZE);
            check(fd, "getsockname", Libc.getsockname(fd, addr, len));
            return new NetlinkSocket(fd, addr.get(U32, 4));
        }
    }

    private static void check(int fd, String op, int rc) {
        if (rc < 0) {
            Libc.close(fd);
            throw new NetlinkException(op, "netlink socket", -rc);
        }
    }

    /**
     * Prepares a socket for an event loop: SO_RCVTIMEO so a blocked receive returns periodically (the loop checks
     * whether it was closed), and a 1 MiB receive buffer so bursts of events do not overflow it.
     */
    void configureForEvents(int millis) {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment tv = tmp.allocate(16);
            tv.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, millis / 1000);
            tv.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, (millis % 1000) * 1000L);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, tv);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, tmp.allocateFrom(ValueLayout.JAVA_INT, 1 << 20));
        }
    }

    /** Sends a request with NLM_F_ACK and waits for the acknowledgement; a NACK becomes a NetlinkException. */
    void execute(String operation, Supplier<String> object, NlMessageBuilder request) {
        query(operation, object, request, m -> null);
    }

    /** Sends a non-dump request (e.g. a GET by name) and returns the parsed replies before the ACK. */
    <T> List<T> query(String operation, Supplier<String> object, NlMessageBuilder request,
                      Function<NlMessage, T> parser) {
        lock.lock();
        try {
            List<T> out = new ArrayList<>();
            exchange(operation, object, request, Nlm.F_REQUEST | Nlm.F_ACK, parser, out);
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Dumps (NLM_F_DUMP) and parses every message; null results are dropped. Retries interrupted dumps. */
    <T> List<T> dump(String operation, Supplier<String> object, NlMessageBuilder request,
                     Function<NlMessage, T> parser) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                List<T> out = new ArrayList<>();
                boolean interrupted = exchange(operation, object, request, Nlm.F_REQUEST | Nlm.F_DUMP, parser, out);
                if (!interrupted) {
                    return out;
                }
                if (attempt == DUMP_ATTEMPTS) {
                    throw new NetlinkException(operation, object.get(), Errno.EINTR,
                            "dump interrupted by concurrent changes " + DUMP_ATTEMPTS + " times");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** One request and its replies; returns whether the kernel flagged the dump as interrupted. */
    private <T> boolean exchange(String operation, Supplier<String> object, NlMessageBuilder request, int flags,
                                 Function<NlMessage, T> parser, List<T> out) {
        ensureOpen();
        int mySeq = ++seq;
        send(operation, object, request, flags, mySeq);
        boolean interrupted = false;
        while (true) {
            long n = receive(operation, object, true);
            for (NlMessage m : NlMessage.split(receiveBuffer, n)) {
                if (m.seq() != mySeq || m.pid() != portId) {
                    continue; // stale reply to an earlier, abandoned request
                }
                interrupted |= m.has(Nlm.F_DUMP_INTR);
                if (m.type() == Nlmsg.ERROR) {
                    int error = m.s32(0);
                    if (error != 0) {
                        throw failure(operation, object, -error, m);
                    }
                    return interrupted;
                }
                if (m.type() == Nlmsg.DONE) {
                    int error = m.body().byteSize() >= 4 ? m.s32(0) : 0;
                    if (error < 0) {
                        throw failure(operation, object, -error, m);
                    }
                    return interrupted;
                }
                if (m.type() != Nlmsg.NOOP) {
                    T value = parser.apply(m);
                    if (value != null) {
                        out.add(value);
                    }
                }
            }
        }
    }

    private void send(String operation, Supplier<String> object, NlMessageBuilder request, int flags, int mySeq) {
        int oldFlags = request.flags();
        MemorySegment message = request.finish(mySeq, portId);
        message.set(ValueLayout.JAVA_SHORT_UNALIGNED, 6, (short) (oldFlags | flags));
        if (message.byteSize() > sendBuffer.byteSize()) {
            sendBuffer = arena.allocate(message.byteSize() * 2, 8);
        }
        MemorySegment.copy(message, 0, sendBuffer, 0, message.byteSize());
        long rc = Libc.sendto(fd, sendBuffer, message.byteSize(), 0, kernel);
        if (rc < 0) {
            throw new NetlinkException(operation, object.get(), (int) -rc);
        }
    }

    /**
     * Receives one whole datagram into the receive buffer and returns its length; with {@code blocking} false,
     * returns 0 when the receive timeout expires with nothing to read.
     */
    long receive(String operation, Supplier<String> object, boolean blocking) {
        while (true) {
            long size = Libc.recv(fd, receiveBuffer, 0, Libc.MSG_PEEK | Libc.MSG_TRUNC);
            if (size == -Errno.EINTR || (blocking && size == -Errno.EAGAIN)) {
                continue;
            }
            if (size == -Errno.EAGAIN) {
                return 0;
            }
            if (size < 0) {
                throw new NetlinkException(operation, object.get(), (int) -size);
            }
            if (size > receiveBuffer.byteSize()) {
                receiveBuffer = arena.allocate(Math.max(size, receiveBuffer.byteSize() * 2), 8);
            }
            long n = Libc.recv(fd, receiveBuffer, receiveBuffer.byteSize(), 0);
            if (n == -Errno.EINTR) {
                continue;
            }
            if (n < 0) {
                throw new NetlinkException(operation, object.get(), (int) -n);
            }
            return n;
        }
    }

    MemorySegment receiveBuffer() {
        return receiveBuffer;
    }

    /**
     * Reads the extended ACK BEFORE naming the object: describing it may send another request on this socket
     * (index to link name), which reuses the receive buffer {@code m} points into.
     */
    private static NetlinkException failure(String operation, Supplier<String> object, int errno, NlMessage m) {
        String text = extAck(m);
        return new NetlinkException(operation, object.get(), errno, text);
    }

    /**
     * The NLMSGERR_ATTR_MSG text of an NLMSG_ERROR/DONE message. Layout of the error body: s32 error, the request's
     * nlmsghdr (and its payload unless NLM_F_CAPPED), then, with NLM_F_ACK_TLVS, attributes.
     */
    private static String extAck(NlMessage m) {
        if (!m.has(Nlm.F_ACK_TLVS)) {
            return null;
        }
        long offset;
        if (m.type() == Nlmsg.DONE) {
            offset = 4;
        } else {
            int requestLength = m.body().byteSize() >= 8 ? m.s32(4) : NlMessageBuilder.NLMSG_HDRLEN;
            offset = 4 + (m.has(Nlm.F_CAPPED) ? NlMessageBuilder.NLMSG_HDRLEN : NlMessageBuilder.align(requestLength));
        }
        if (offset >= m.body().byteSize()) {
            return null;
        }
        return NlAttributes.parse(m.body().asSlice(offset)).string(Nlm.NLMSGERR_ATTR_MSG);
    }

    int portId() {
        return portId;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("netlink socket is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                Libc.close(fd);
                arena.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
