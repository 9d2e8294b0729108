package dev.calyx.model.validation;

import dev.calyx.model.GlobalNetworkSet;
import dev.calyx.model.HostEndpoint;
import dev.calyx.model.NetworkSet;
import dev.calyx.model.Node;
import dev.calyx.model.WorkloadEndpoint;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.calyx.model.validation.Problems.at;

/** Endpoints, nodes and network sets. */
final class EndpointChecks {
    private static final Pattern CONTAINER_ID = Pattern.compile("^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$");
    private static final String NAMESPACE_LABEL = "projectcalico.org/namespace";

    private EndpointChecks() {
    }

    static void hostEndpoint(Problems p, HostEndpoint hep) {
        var s = hep.spec();
        boolean iface = s != null && s.interfaceName() != null && !s.interfaceName().isEmpty();
        boolean ips = s != null && s.expectedIPs() != null && !s.expectedIPs().isEmpty();
        if (!iface && !ips) {
            p.add("spec.interfaceName", "at least one of interfaceName or expectedIPs must be specified");
        }
        if (s == null || s.node() == null || s.node().isEmpty()) {
            p.add("spec.node", "node must be specified");
        }
        if (s == null) {
            return;
        }
        Checks.resourceName(p, "spec.node", s.node());
        Checks.interfaceName(p, "spec.interfaceName", s.interfaceName(), true);
        List<String> expected = s.expectedIPs() == null ? List.of() : s.expectedIPs();
        for (int i = 0; i < expected.size(); i++) {
            if (IpNets.parseIp(expected.get(i)) == null) {
                p.add(at("spec.expectedIPs", i), "invalid IP address \"" + expected.get(i) + "\"");
            }
        }
        names(p, "spec.profiles", s.profiles());
        var ports = s.ports() == null ? List.<HostEndpoint.EndpointPort>of() : s.ports();
        for (int i = 0; i < ports.size(); i++) {
            var port = ports.get(i);
            String path = at("spec.ports", i);
            String nameProblem = Checks.portNameProblem(port.name());
            if (nameProblem != null) {
                p.add(at(path, "name"), nameProblem);
            }
            if (port.protocol() == null || !port.protocol().supportsPorts()) {
                p.add(at(path, "protocol"), "EndpointPort protocol does not support ports.");
            } else if (port.protocol().problem() != null) {
                p.add(at(path, "protocol"), port.protocol().problem());
            }
            Checks.required(p, at(path, "port"), port.port());
            Checks.range(p, at(path, "port"), port.port(), 1, 65535);
        }
    }

    private static void names(Problems p, String path, List<String> names) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            Checks.resourceName(p, at(path, i), names.get(i));
        }
    }

    static void workloadEndpoint(Problems p, WorkloadEndpoint wep) {
        var s = wep.spec();
        if (s == null) {
            return;
        }
        Checks.resourceName(p, "spec.node", s.node());
        if (s.containerID() != null && !s.containerID().isEmpty()
                && !CONTAINER_ID.matcher(s.containerID()).matches()) {
            p.add("spec.containerID", "invalid container ID \"" + s.containerID() + "\"");
        }
        if (s.interfaceName() == null || s.interfaceName().isEmpty()) {
            p.add("spec.interfaceName", "Required value: interfaceName must be set");
        }
        Checks.interfaceName(p, "spec.interfaceName", s.interfaceName(), false);
        Checks.mac(p, "spec.mac", s.mac());
        List<String> spoofed = s.allowSpoofedSourcePrefixes() == null ? List.of() : s.allowSpoofedSourcePrefixes();
        for (int i = 0; i < spoofed.size(); i++) {
            if (IpNets.parseCidrOrIp(spoofed.get(i)) == null) {
                p.add(at("spec.allowSpoofedSourcePrefixes", i), "invalid CIDR \"" + spoofed.get(i) + "\"");
            }
        }
        names(p, "spec.profiles", s.profiles());
        List<String> nets = s.ipNetworks() == null ? List.of() : s.ipNetworks();
        for (int i = 0; i < nets.size(); i++) {
            IpNets.Net n = IpNets.parseCidrOrIp(nets.get(i));
            if (n == null) {
                p.add(at("spec.ipNetworks", i), "invalid CIDR \"" + nets.get(i) + "\"");
            } else if (n.prefix() != n.bits()) {
                p.add(at("spec.ipNetworks", i), "IP network contains multiple addresses");
            }
        }
        gateway(p, "spec.ipv4Gateway", s.ipv4Gateway(), 4);
        gateway(p, "spec.ipv6Gateway", s.ipv6Gateway(), 6);
        workloadNats(p, s, nets);
        workloadPorts(p, s);
    }

    private static void workloadNats(Problems p, WorkloadEndpoint.Spec s, List<String> nets) {
        var nats = s.ipNATs() == null ? List.<WorkloadEndpoint.IpNat>of() : s.ipNATs();
        for (int i = 0; i < nats.size(); i++) {
            var nat = nats.get(i);
            IpNets.Net internal = IpNets.parseCidrOrIp(nat.internalIP());
            IpNets.Net external = IpNets.parseCidrOrIp(nat.externalIP());
            if (internal == null || external == null) {
                p.add(at("spec.ipNATs", i), "invalid IP address");
            } else if (internal.version() != external.version()) {
                p.add(at("spec.ipNATs", i), "mismatched IP versions");
            } else if (nets.stream().map(IpNets::parseCidrOrIp).noneMatch(n -> n != null && n.overlaps(internal))) {
                p.add(at("spec.ipNATs", i), "NAT is not in the endpoint networks");
            }
        }
    }

    private static void workloadPorts(Problems p, WorkloadEndpoint.Spec s) {
        var ports = s.ports() == null ? List.<WorkloadEndpoint.WorkloadPort>of() : s.ports();
        for (int i = 0; i < ports.size(); i++) {
            var port = ports.get(i);
            String path = at("spec.ports", i);
            if (port.protocol() == null || !port.protocol().supportsPorts()) {
                p.add(at(path, "protocol"), "WorkloadEndpointPort protocol does not support ports.");
            } else if (port.protocol().problem() != null) {
                p.add(at(path, "protocol"), port.protocol().problem());
            }
            if ((port.name() == null || port.name().isEmpty()) && (port.hostPort() == null || port.hostPort() == 0)) {
                p.add(at(path, "name"), "WorkloadEndpointPort name must not be empty if no HostPort is specified");
            }
            Checks.required(p, at(path, "port"), port.port());
            Checks.range(p, at(path, "port"), port.port(), 1, 65535);
            Checks.range(p, at(path, "hostPort"), port.hostPort(), 0, 65535);
            if (port.hostIP() != null && !port.hostIP().isEmpty() && IpNets.parseIp(port.hostIP()) == null) {
                p.add(at(path, "hostIP"), "invalid IP address \"" + port.hostIP() + "\"");
            }
        }
    }

    private static void gateway(Problems p, String path, String gw, int version) {
        if (gw == null || gw.isEmpty()) {
            return;
        }
        IpNets.Net n = IpNets.parseCidrOrIp(gw);
        if (n == null) {
            p.add(path, "invalid CIDR");
        } else if (n.version() != version) {
            p.add(path, "invalid IPv" + version + " gateway address specified");
        }
    }

    static void node(Problems p, Node node) {
        if (node.status() != null) {
            wireguardKey(p, "status.wireguardPublicKey", node.status().get("wireguardPublicKey"));
            wireguardKey(p, "status.wireguardPublicKeyV6", node.status().get("wireguardPublicKeyV6"));
        }
        var s = node.spec();
        if (s == null) {
            return;
        }
        var bgp = s.bgp();
        if (bgp != null) {
            if (bgp.asNumber() == null && bgp.ipv4Address() == null && bgp.ipv6Address() == null
                    && bgp.ipv4IPIPTunnelAddr() == null && bgp.routeReflectorClusterID() == null) {
                p.add("spec.bgp", "Spec.BGP should not be empty");
            }
            cidrOfVersion(p, "spec.bgp.ipv4Address", bgp.ipv4Address(), 4);
            cidrOfVersion(p, "spec.bgp.ipv6Address", bgp.ipv6Address(), 6);
            ipOfVersion(p, "spec.bgp.ipv4IPIPTunnelAddr", bgp.ipv4IPIPTunnelAddr(), 4);
            ipOfVersion(p, "spec.bgp.routeReflectorClusterID", bgp.routeReflectorClusterID(), 4);
        }
        ipOfVersion(p, "spec.ipv4VXLANTunnelAddr", s.ipv4VXLANTunnelAddr(), 4);
        ipOfVersion(p, "spec.ipv6VXLANTunnelAddr", s.ipv6VXLANTunnelAddr(), 6);
        Checks.mac(p, "spec.vxlanTunnelMACAddr", s.vxlanTunnelMACAddr());
        Checks.mac(p, "spec.vxlanTunnelMACAddrV6", s.vxlanTunnelMACAddrV6());
        if (s.wireguard() != null) {
            ipOfVersion(p, "spec.wireguard.interfaceIPv4Address", s.wireguard().interfaceIPv4Address(), 4);
            ipOfVersion(p, "spec.wireguard.interfaceIPv6Address", s.wireguard().interfaceIPv6Address(), 6);
        }
        var addresses = s.addresses() == null ? List.<Node.Address>of() : s.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            if (IpNets.parseCidrOrIp(addresses.get(i).address()) == null) {
                p.add(at(at("spec.addresses", i), "address"), "invalid address \"" + addresses.get(i).address() + "\"");
            }
            Checks.oneOf(p, at(at("spec.addresses", i), "type"), addresses.get(i).type(), "CalicoNodeIP",
                    "InternalIP", "ExternalIP");
        }
    }

    /** A WireGuard public key: base64 of exactly 32 bytes. */
    private static void wireguardKey(Problems p, String path, Object key) {
        if (key == null || "".equals(key)) {
            return;
        }
        try {
            if (key instanceof String k && java.util.Base64.getDecoder().decode(k).length == 32) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error
        }
        p.add(path, "invalid WireGuard public key \"" + key + "\"");
    }

    private static void cidrOfVersion(Problems p, String path, String value, int version) {
        if (value == null || value.isEmpty()) {
            return;
        }
        IpNets.Net n = IpNets.parseCidrOrIp(value);
        if (n == null || n.version() != version) {
            p.add(path, "invalid IPv" + version + " CIDR \"" + value + "\"");
        }
    }

    private static void ipOfVersion(Problems p, String path, String value, int version) {
        if (value == null || value.isEmpty()) {
            return;
        }
        IpNets.Net n = IpNets.parseIp(value);
        if (n == null || n.version() != version) {
            p.add(path, "invalid IPv" + version + " address \"" + value + "\"");
        }
    }

    static void networkSet(Problems p, NetworkSet set) {
        nets(p, set.spec() == null ? null : set.spec().nets());
        namespaceLabel(p, set.metadata().labels());
    }

    static void globalNetworkSet(Problems p, GlobalNetworkSet set) {
        nets(p, set.spec() == null ? null : set.spec().nets());
        namespaceLabel(p, set.metadata().labels());
    }

    private static void nets(Problems p, List<String> nets) {
        if (nets == null) {
            return;
        }
        for (int i = 0; i < nets.size(); i++) {
            if (IpNets.parseCidrOrIp(nets.get(i)) == null) {
                p.add(at("spec.nets", i), "invalid CIDR \"" + nets.get(i) + "\"");
            }
        }
    }

    private static void namespaceLabel(Problems p, Map<String, String> labels) {
        if (labels != null && labels.containsKey(NAMESPACE_LABEL)) {
            p.add("metadata.labels[" + NAMESPACE_LABEL + "]", NAMESPACE_LABEL + " is not a valid label name");
        }
    }
}
