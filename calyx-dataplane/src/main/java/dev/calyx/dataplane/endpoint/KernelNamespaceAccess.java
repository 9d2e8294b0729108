package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;

import java.nio.file.Path;

/** {@link NamespaceAccess} on the kernel: nsfs paths, FFM netlink sockets opened inside, /proc/sys. Stateless. */
public final class KernelNamespaceAccess implements NamespaceAccess {
    @Override
    public Netns open(Path path) {
        return Netns.openPath(path);
    }

    @Override
    public RtNetlink netlinkIn(Netns netns) {
        return FfmRtNetlink.openIn(netns);
    }

    @Override
    public void setSysctl(Netns netns, String key, String value) {
        Sysctl.set(netns, key, value);
    }

    @Override
    public String getSysctl(Netns netns, String key) {
        return Sysctl.get(netns, key);
    }
}
