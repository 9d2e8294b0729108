package dev.calyx.preflight;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netlink.VxlanSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sys.Errno;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link ScratchNetns} over calyx's own kernel layer: the namespace from {@link Netns} (named under
 * {@code /var/run/netns}, so tools can enter it with {@code nsenter}), veth and VXLAN links created over rtnetlink
 * with {@link FfmRtNetlink}. The netlink layer has no IPIP or WireGuard link yet, so those two kinds are created
 * with {@code ip -n NAME link add}; the kernel's answer is the same either way.
 *
 * <p>Missing kinds: the kernel answers RTM_NEWLINK for a kind it cannot load with EOPNOTSUPP, which iproute2 prints
 * as "Unknown device type".
 */
public final class NetlinkScratchNetns implements ScratchNetns {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Netns netns;
    private final FfmRtNetlink rtnl;
    private final Duration timeout;

    private NetlinkScratchNetns(Netns netns, FfmRtNetlink rtnl, Duration timeout) {
        this.netns = netns;
        this.rtnl = rtnl;
        this.timeout = timeout;
    }

    /** Creates {@code PREFIX<random6>} and opens a netlink socket inside it. */
    public static NetlinkScratchNetns create(String prefix, Duration timeout) {
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        String name = prefix + HexFormat.of().formatHex(r);
        Netns ns = Netns.create(name);
        try {
            return new NetlinkScratchNetns(ns, FfmRtNetlink.openIn(ns), timeout);
        } catch (RuntimeException e) {
            ns.close();
            Netns.delete(name);
            throw e;
        }
    }

    @Override
    public String name() {
        return netns.name();
    }

    @Override
    public Exec.Result exec(String stdin, List<String> argv) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + Netns.RUN_DIR.resolve(netns.name())));
        full.addAll(argv);
        return Exec.launched(Exec.run(timeout, stdin, full));
    }

    @Override
    public ProbeOutcome probeLink(String ifname, LinkKind kind) {
        return switch (kind) {
            case VETH -> viaNetlink(ifname, kind, () -> rtnl.addVeth(VethSpec.of(ifname, "pfveth1")));
            case VXLAN -> viaNetlink(ifname, kind, () -> rtnl.addVxlan(VxlanSpec.of(ifname, 4096)));
            case IPIP, WIREGUARD -> viaIp(ifname, kind);
        };
    }

    private ProbeOutcome viaNetlink(String ifname, LinkKind kind, Runnable add) {
        try {
            add.run();
        } catch (NetlinkException e) {
            return e.errno() == Errno.EOPNOTSUPP ? new ProbeOutcome.Missing(e.getMessage() + " (kernel has no "
                    + kind.kind() + ")") : new ProbeOutcome.Unknown(e.getMessage());
        }
        String deleted = "";
        try {
            rtnl.deleteLink(ifname);
        } catch (NetlinkException e) {
            deleted = " (delete failed: " + e.getMessage() + "; removed with the netns)";
        }
        return new ProbeOutcome.Present("created and deleted " + kind.kind() + " link " + ifname
                + " over rtnetlink in scratch netns" + deleted);
    }

    private ProbeOutcome viaIp(String ifname, LinkKind kind) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name(), "link", "add", ifname, "type", kind.kind()));
        argv.addAll(kind.ipArgs);
        Exec.Result add = Exec.run(timeout, null, argv);
        if (!add.ok()) {
            return ProbeOutcome.refused("create " + kind.kind() + " link " + ifname, add.message());
        }
        Exec.Result del = Exec.run(timeout, "ip", "-n", name(), "link", "del", ifname);
        return new ProbeOutcome.Present("created and deleted " + kind.kind() + " link " + ifname + " in scratch netns"
                + (del.ok() ? "" : " (delete failed: " + del.message() + "; removed with the netns)"));
    }

    @Override
    public void close() {
        String name = netns.name();
        try {
            rtnl.close();
            netns.close();
        } finally {
            try {
                Netns.delete(name);
            } catch (RuntimeException e) {
                // the probe result stands; a leftover namespace is visible in `ip netns list`
            }
        }
    }
}
