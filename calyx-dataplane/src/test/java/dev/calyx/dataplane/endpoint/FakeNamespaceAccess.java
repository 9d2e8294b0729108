package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.netns.NetnsException;
import dev.calyx.kernel.sys.Errno;
import dev.calyx.kernel.sysctl.SysctlException;
import dev.calyx.testkit.FakeRtNetlink;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory namespaces for unit tests of the wiring logic: a "container namespace" is any existing file (a handle on
 * it is a real fd, nothing more), its netlink a {@link FakeRtNetlink}. A veth created on the host fake with its peer
 * in a container namespace appears in that namespace's fake as {@link #IF_NAME} on its first use, and vanishes with
 * either end, as on the kernel. Sysctls are a map; {@link #failSysctl} makes writes of a key fail.
 */
final class FakeNamespaceAccess implements NamespaceAccess {
    static final String IF_NAME = "eth0";
    final FakeRtNetlink host;
    final Map<String, FakeRtNetlink> pods = new HashMap<>();
    final Map<String, String> sysctls = new HashMap<>();
    private String failingKey;

    FakeNamespaceAccess(FakeRtNetlink host) {
        this.host = host;
    }

    void failSysctl(String keySuffix) {
        failingKey = keySuffix;
    }

    FakeRtNetlink pod(String name) {
        return pods.computeIfAbsent(name, n -> new FakeRtNetlink());
    }

    String sysctl(String netns, String key) {
        return sysctls.get(netns + ":" + key);
    }

    @Override
    public Netns open(Path path) {
        if (!Files.exists(path)) {
            throw new NetnsException("open netns", path.toString(), Errno.ENOENT);
        }
        return Netns.openPath(path);
    }

    @Override
    public RtNetlink netlinkIn(Netns netns) {
        String name = netns.name();
        FakeRtNetlink pod = pod(name);
        return (RtNetlink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RtNetlink.class},
                (proxy, method, args) -> {
                    syncPeer(netns, pod);
                    try {
                        Object result = method.invoke(pod, args);
                        if (method.getName().equals("deleteLink") && IF_NAME.equals(args[0])) {
                            hostEnd(name).ifPresent(l -> host.deleteLink(l.name()));
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The container end exists exactly while a host veth has its peer in this namespace. */
    private void syncPeer(Netns netns, FakeRtNetlink pod) {
        Optional<Link> hostEnd = hostEnd(netns.name());
        boolean podEnd = pod.linkByName(IF_NAME).isPresent();
        if (hostEnd.isPresent() && !podEnd) {
            pod.addVeth(VethSpec.of(IF_NAME, hostEnd.get().name()).peerIn(netns).mtu(hostEnd.get().mtu()));
            // the kernel gives the host end its EUI-64 link-local address once the pair has carrier
            host.addAddress(Address.of(hostEnd.get().index(), IpPrefix.parse("fe80::ecee:eeff:feee:eeee/64")));
        } else if (hostEnd.isEmpty() && podEnd) {
            pod.deleteLink(IF_NAME);
        }
    }

    private Optional<Link> hostEnd(String podName) {
        return host.links().stream().filter(l -> host.peerNamespace(l.name()).equals(Optional.of(podName)))
                .findFirst();
    }

    @Override
    public void setSysctl(Netns netns, String key, String value) {
        if (failingKey != null && key.endsWith(failingKey)) {
            throw new SysctlException("set sysctl " + key + "=" + value + " in " + netns + ": injected failure",
                    new java.io.IOException("injected"));
        }
        sysctls.put(netns.name() + ":" + key, value);
    }

    @Override
    public String getSysctl(Netns netns, String key) {
        String value = sysctls.get(netns.name() + ":" + key);
        if (value == null) {
            throw new SysctlException("read sysctl " + key + " in " + netns + ": no such sysctl",
                    new java.io.IOException("missing"));
        }
        return value;
    }
}
