package dev.calyx.kernel.netlink;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The address half of {@link FfmRtNetlink}: add/delete/list through RTM_*ADDR on the handle's socket. */
final class FfmAddresses {
    private final NetlinkSocket socket;
    private final IntFunction<String> linkName;
    private final Supplier<String> where;

    FfmAddresses(NetlinkSocket socket, IntFunction<String> linkName, Supplier<String> where) {
        this.socket = socket;
        this.linkName = linkName;
        this.where = where;
    }

    List<Address> list() {
        return socket.dump("list addresses", where, AddressCodec.dump(), AddressCodec::parse);
    }

    List<Address> list(int linkIndex) {
        return list().stream().filter(a -> a.linkIndex() == linkIndex).toList();
    }

    void add(Address a) {
        socket.execute("add address", describe(a), AddressCodec.add(a));
    }

    void delete(Address a) {
        socket.execute("delete address", describe(a), AddressCodec.delete(a));
    }

    private Supplier<String> describe(Address a) {
        return () -> a.prefix() + " dev " + linkName.apply(a.linkIndex());
    }
}
