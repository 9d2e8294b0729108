package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sys.Errno;

import java.util.List;
import java.util.Optional;

/**
 * rtnetlink operations on ONE network namespace: links, addresses, routes, neighbours and FDB entries, and events.
 * Verbs mirror the kernel and {@code ip}; every failure is a {@link NetlinkException} naming the operation, the
 * object and the errno.
 *
 * <p>Implementations: {@link FfmRtNetlink} (the kernel, over the FFM API), {@code FakeRtNetlink} in calyx-testkit
 * (in memory, with failure injection). Implementations are safe to call from any thread.
 */
public interface RtNetlink extends AutoCloseable {

    // ---- links ----

    /** All links of the namespace (RTM_GETLINK dump). */
    List<Link> links();

    Optional<Link> linkByName(String name);

    Optional<Link> linkByIndex(int index);

    /** The named link; a NetlinkException with {@code isNotFound()} when there is none. */
    default Link link(String name) {
        return linkByName(name).orElseThrow(() -> new NetlinkException("get link", name, Errno.ENODEV));
    }

    /** Creates a veth pair, the peer directly inside {@link VethSpec#peerNetns()} when given. Both ends stay down. */
    void addVeth(VethSpec spec);

    /** Creates a VXLAN device (down). */
    void addVxlan(VxlanSpec spec);

    /** Deletes a link (for a veth, both ends); {@code isNotFound()} when there is none. */
    void deleteLink(String name);

    void setLinkUp(String name);

    void setLinkDown(String name);

    void renameLink(String name, String newName);

    void setMtu(String name, int mtu);

    void setMac(String name, MacAddress mac);

    /** Moves a link into another namespace (it disappears from this one). */
    void moveToNetns(String name, Netns target);

    /** Closes the handle; idempotent. */
    @Override
    void close();
}
