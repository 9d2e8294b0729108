package dev.calyx.agent.cni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CNI ADD result in the version-independent (1.1.0) shape; {@link ResultCodec} writes it in the
 * schema of the config's version. Also the parsed form of a {@code prevResult}.
 * IPAM (delegate) results have no interfaces and no ips[].interface.
 *
 * @param interfaces every interface created, host side (no sandbox) and container side
 * @param ips        addresses; {@code interfaceIndex} points into {@code interfaces}
 * @param routes     routes the container should have
 * @param dns        DNS settings, or {@link Dns#NONE}
 */
public record CniResult(List<Interface> interfaces, List<IpConfig> ips, List<Route> routes, Dns dns) {
    public static final CniResult EMPTY = new CniResult(List.of(), List.of(), List.of(), Dns.NONE);

    public CniResult {
        interfaces = List.copyOf(interfaces);
        ips = List.copyOf(ips);
        routes = List.copyOf(routes);
        dns = dns == null ? Dns.NONE : dns;
        for (IpConfig ip : ips) {
            if (ip.interfaceIndex().isPresent() && ip.interfaceIndex().get() >= interfaces.size()) {
                throw new IllegalArgumentException("ip " + ip.address() + " points at interface index "
                        + ip.interfaceIndex().get() + " but the result has " + interfaces.size() + " interfaces");
            }
        }
    }

    /**
     * This plugin's result chained after an earlier plugin's: earlier interfaces/ips/routes first,
     * ours appended with interface indexes shifted; our DNS wins when it says anything.
     */
    public CniResult chainedAfter(CniResult previous) {
        int shift = previous.interfaces.size();
        List<Interface> allInterfaces = new ArrayList<>(previous.interfaces);
        allInterfaces.addAll(interfaces);
        List<IpConfig> allIps = new ArrayList<>(previous.ips);
        for (IpConfig ip : ips) {
            allIps.add(new IpConfig(ip.address(), ip.gateway(), ip.interfaceIndex().map(i -> i + shift)));
        }
        List<Route> allRoutes = new ArrayList<>(previous.routes);
        allRoutes.addAll(routes);
        return new CniResult(allInterfaces, allIps, allRoutes, dns.isEmpty() ? previous.dns : dns);
    }

    /** An interface; mac lowercase colon form or ""; sandbox is CNI_NETNS for container-side ones. */
    public record Interface(String name, String mac, String sandbox, Optional<Integer> mtu,
                            String socketPath, String pciId) {
        public Interface {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("result interface: name is required");
            }
            mac = mac == null ? "" : mac.toLowerCase(java.util.Locale.ROOT);
            if (!mac.isEmpty() && !mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5,19}")) {
                throw new IllegalArgumentException("result interface " + name + ": mac \"" + mac + "\" is not aa:bb:cc:dd:ee:ff");
            }
            sandbox = sandbox == null ? "" : sandbox;
            mtu = mtu == null ? Optional.empty() : mtu;
            socketPath = socketPath == null ? "" : socketPath;
            pciId = pciId == null ? "" : pciId;
        }

        public Interface(String name, String mac, String sandbox) {
            this(name, mac, sandbox, Optional.empty(), "", "");
        }
    }

    /** An address in CIDR form (interface address + prefix); gateway optional ("" if none). */
    public record IpConfig(String address, String gateway, Optional<Integer> interfaceIndex) {
        public IpConfig {
            int slash = address == null ? -1 : address.indexOf('/');
            if (slash <= 0 || !address.substring(slash + 1).matches("\\d{1,3}")) {
                throw new IllegalArgumentException("result ip: address \"" + address + "\" is not in CIDR form");
            }
            gateway = gateway == null ? "" : gateway;
            interfaceIndex = interfaceIndex == null ? Optional.empty() : interfaceIndex;
            if (interfaceIndex.isPresent() && interfaceIndex.get() < 0) {
                throw new IllegalArgumentException("result ip " + address + ": negative interface index");
            }
        }

        public boolean isIpv6() {
            return address.indexOf(':') >= 0;
        }
    }

    /** A route; optional numeric fields are 1.1.0 additions and omitted in older versions. */
    public record Route(String dst, String gw, Optional<Integer> mtu, Optional<Integer> advmss,
                        Optional<Integer> priority, Optional<Integer> table, Optional<Integer> scope) {
        public Route {
            if (dst == null || dst.indexOf('/') <= 0) {
                throw new IllegalArgumentException("result route: dst \"" + dst + "\" is not in CIDR form");
            }
            gw = gw == null ? "" : gw;
        }

        public Route(String dst, String gw) {
            this(dst, gw, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public record Dns(List<String> nameservers, String domain, List<String> search, List<String> options) {
        public static final Dns NONE = new Dns(List.of(), "", List.of(), List.of());

        public Dns {
            nameservers = List.copyOf(nameservers);
            domain = domain == null ? "" : domain;
            search = List.copyOf(search);
            options = List.copyOf(options);
        }

        public boolean isEmpty() {
            return nameservers.isEmpty() && domain.isEmpty() && search.isEmpty() && options.isEmpty();
        }
    }
}
