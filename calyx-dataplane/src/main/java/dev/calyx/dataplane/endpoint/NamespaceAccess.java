package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netns.Netns;

import java.nio.file.Path;

/**
 * How endpoint wiring reaches namespaces other than the host's: open a container namespace by path, talk netlink
 * inside it, write its sysctls. {@link KernelNamespaceAccess} is the kernel; unit tests substitute an in-memory one.
 */
public interface NamespaceAccess {
    /** Opens the namespace at {@code path}; a {@code NetnsException} with {@code isNotFound()} when it is gone. */
    Netns open(Path path);

    /** A netlink handle operating inside {@code netns}; the caller closes it. */
    RtNetlink netlinkIn(Netns netns);

    /** Writes a sysctl (slash form under /proc/sys, e.g. {@code net/ipv4/conf/cali1/proxy_arp}) in {@code netns}. */
    void setSysctl(Netns netns, String key, String value);

    /** Reads a sysctl in {@code netns}. */
    String getSysctl(Netns netns, String key);
}
