package dev.calyx.preflight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MTU pods will get. Encapsulation eats into the host interface's MTU (VXLAN 50 bytes, 70 over IPv6; IPIP 20;
 * WireGuard 60) and a pod MTU that is too large drops big packets silently (Calico's most common MTU complaint).
 * The host interface is the one carrying the default route, else the physical link with the largest MTU; with
 * neither, calyx falls back to 1460 as Calico does. The row reports the pod MTU of every encapsulation so a user
 * choosing a mode sees what each costs.
 */
public final class MtuCheck implements Check {
    static final String NAME = "mtu";
    static final int FALLBACK_HOST_MTU = 1460;
    static final int IPV6_MINIMUM_MTU = 1280;

    /** Bytes each encapsulation takes from the host MTU. */
    enum Encap {
        VXLAN(50), VXLAN_V6(70), IPIP(20), WIREGUARD(60);

        final int overhead;

        Encap(int overhead) {
            this.overhead = overhead;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        return List.of(evaluate(HostNetworkReader.forContext(ctx).read(), ctx));
    }

    static CheckResult evaluate(HostNetwork net, PreflightContext ctx) {
        Optional<HostNetwork.Link> host = hostInterface(net);
        int hostMtu = host.map(HostNetwork.Link::mtu).orElse(FALLBACK_HOST_MTU);
        String source = host.map(l -> l.name() + (net.defaultRouteDevice().filter(l.name()::equals).isPresent()
                ? " (default route)" : " (largest physical link)")).orElse("no host interface found, assuming");
        List<String> perEncap = new ArrayList<>();
        for (Encap e : Encap.values()) {
            perEncap.add(e.name().replace('_', '-').toLowerCase(Locale.ROOT) + " " + (hostMtu - e.overhead));
        }
        int pod = podMtu(hostMtu, ctx);
        String evidence = "host " + source + " MTU " + hostMtu + "; pod MTU by encapsulation: "
                + String.join(", ", perEncap) + "; mode " + ctx.mode().cliName() + (ctx.wireguard() ? "+wireguard" : "")
                + " gives pods " + pod;
        if (host.isEmpty()) {
            return CheckResult.warn(NAME, evidence, "bring up the host's uplink (a default route) before starting calyx");
        }
        if (pod < IPV6_MINIMUM_MTU) {
            return CheckResult.warn(NAME, evidence, "raise the MTU of " + host.get().name()
                    + " (pods below 1280 cannot carry IPv6) or choose a mode with less overhead");
        }
        return CheckResult.pass(NAME, evidence);
    }

    static Optional<HostNetwork.Link> hostInterface(HostNetwork net) {
        Optional<HostNetwork.Link> viaDefault = net.defaultRouteDevice().flatMap(net::link);
        if (viaDefault.isPresent()) {
            return viaDefault;
        }
        return net.links().stream().filter(HostNetwork.Link::physical).max(Comparator.comparingInt(HostNetwork.Link::mtu));
    }

    /** Smallest MTU among the encapsulations the plan enables, as Calico's determinePodMTU does. */
    static int podMtu(int hostMtu, PreflightContext ctx) {
        int pod = hostMtu;
        if (ctx.mode() == Mode.VXLAN) {
            pod = Math.min(pod, hostMtu - Encap.VXLAN.overhead);
        }
        if (ctx.mode() == Mode.IPIP) {
            pod = Math.min(pod, hostMtu - Encap.IPIP.overhead);
        }
        if (ctx.wireguard()) {
            pod = Math.min(pod, hostMtu - Encap.WIREGUARD.overhead);
        }
        return pod;
    }
}
