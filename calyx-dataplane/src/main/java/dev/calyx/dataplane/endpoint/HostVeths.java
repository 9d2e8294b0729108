package dev.calyx.dataplane.endpoint;

import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;

import java.util.Optional;

/** Removal of one host veth with calyx's routes through it, shared by DEL, ADD's rollback and the reconciler. */
final class HostVeths {
    private HostVeths() {}

    /**
     * Deletes calyx's routes through {@code veth}, then the veth (both ends). The kernel would drop the routes with
     * the link anyway; deleting them first keeps the route reconciler's view and the kernel's in step. A veth that
     * is already gone is success.
     */
    static void delete(RtNetlink netlink, String veth) {
        Optional<Link> link = netlink.linkByName(veth);
        if (link.isEmpty()) {
            return;
        }
        for (IpFamily family : IpFamily.values()) {
            for (Route route : netlink.routes(family)) {
                if (OwnedRoutes.isOwned(route) && route.linkIndex() == link.get().index()) {
                    HostSide.ignoreNotFound(() -> netlink.deleteRoute(route));
                }
            }
        }
        HostSide.ignoreNotFound(() -> netlink.deleteLink(veth));
    }
}
