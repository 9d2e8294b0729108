package dev.calyx.model.validation;

import dev.calyx.model.BGPConfiguration;
import dev.calyx.model.BGPFilter;
import dev.calyx.model.BGPPeer;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import static dev.calyx.model.validation.Problems.at;

/** BGPConfiguration, BGPPeer and BGPFilter rules (validator.go and the BGP CEL rules). */
final class BgpChecks {
    private static final Pattern STANDARD_COMMUNITY = Pattern.compile("^(\\d+):(\\d+)$");
    private static final Pattern LARGE_COMMUNITY = Pattern.compile("^(\\d+):(\\d+):(\\d+)$");
    private static final Pattern IGNORED_INTERFACE = Pattern.compile("^[a-zA-Z0-9_.*-]{1,15}$");
    private static final Pattern FILTER_INTERFACE = Pattern.compile("^[a-zA-Z0-9_.*-]{1,15}$");
    private static final Pattern IPV4_PORT = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+):(\\d+)$");
    private static final Pattern IPV6_PORT = Pattern.compile("^\\[([0-9a-fA-F:.]+)\\]:(\\d+)$");

    private BgpChecks() {
    }

    static void configuration(Problems p, BGPConfiguration c) {
        var s = c.spec();
        if (s == null) {
            return;
        }
        Checks.oneOf(p, "spec.logSeverityScreen", s.logSeverityScreen(), "Trace", "Debug", "Info", "Warning",
                "Error", "Fatal");
        Checks.range(p, "spec.listenPort", s.listenPort(), 1, 65535);
        Checks.oneOf(p, "spec.bindMode", s.bindMode(), "None", "NodeIP");
        Checks.oneOf(p, "spec.programClusterRoutes", s.programClusterRoutes(), "Disabled", "EnabledIPIPOnly",
                "EnabledNoEncapOnly", "Enabled");
        Checks.oneOf(p, "spec.serviceLoadBalancerAggregation", s.serviceLoadBalancerAggregation(), "Enabled",
                "Disabled");
        Checks.duration(p, "spec.nodeMeshMaxRestartTime", s.nodeMeshMaxRestartTime());
        Checks.range(p, "spec.ipv4NormalRoutePriority", s.ipv4NormalRoutePriority(), 1, 2147483646);
        Checks.range(p, "spec.ipv6NormalRoutePriority", s.ipv6NormalRoutePriority(), 1, 2147483646);
        cidrBlocks(p, "spec.serviceLoadBalancerIPs", s.serviceLoadBalancerIPs());
        cidrBlocks(p, "spec.serviceExternalIPs", s.serviceExternalIPs());
        cidrBlocks(p, "spec.serviceClusterIPs", s.serviceClusterIPs());
        ipOfVersion(p, "spec.localWorkloadPeeringIPV4", s.localWorkloadPeeringIPV4(), 4);
        ipOfVersion(p, "spec.localWorkloadPeeringIPV6", s.localWorkloadPeeringIPV6(), 6);
        List<String> ignored = s.ignoredInterfaces() == null ? List.of() : s.ignoredInterfaces();
        for (int i = 0; i < ignored.size(); i++) {
            String name = ignored.get(i);
            if (name == null || name.equals("*") || !IGNORED_INTERFACE.matcher(name).matches()) {
                p.add(at("spec.ignoredInterfaces", i), "invalid interface name \"" + name + "\"");
            }
        }
        communities(p, s);
        boolean meshOff = Boolean.FALSE.equals(s.nodeToNodeMeshEnabled());
        if (meshOff && s.nodeMeshPassword() != null) {
            p.add("spec.nodeMeshPassword", "nodeMeshPassword cannot be set when nodeToNodeMeshEnabled is false");
        }
        if (meshOff && s.nodeMeshMaxRestartTime() != null) {
            p.add("spec.nodeMeshMaxRestartTime",
                    "nodeMeshMaxRestartTime cannot be set when nodeToNodeMeshEnabled is false");
        }
    }

    private static void cidrBlocks(Problems p, String path, List<BGPConfiguration.CidrBlock> blocks) {
        if (blocks == null) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            String cidr = blocks.get(i) == null ? null : blocks.get(i).cidr();
            IpNets.Net n = IpNets.parseCidrOrIp(cidr);
            if (cidr != null && (n == null || !n.strictlyMasked())) {
                p.add(at(at(path, i), "cidr"), "invalid CIDR \"" + cidr + "\"");
            }
        }
    }

    private static void communities(Problems p, BGPConfiguration.Spec s) {
        var communities = s.communities() == null ? List.<BGPConfiguration.Community>of() : s.communities();
        for (int i = 0; i < communities.size(); i++) {
            var c = communities.get(i);
            String path = at("spec.communities", i);
            Checks.required(p, at(path, "name"), c.name());
            Checks.resourceName(p, at(path, "name"), c.name());
            if (c.value() == null || !validCommunity(p, at(path, "value"), c.value())) {
                p.add(at(path, "value"), "invalid community value or format used.");
            }
        }
        var ads = s.prefixAdvertisements() == null ? List.<BGPConfiguration.PrefixAdvertisement>of()
                : s.prefixAdvertisements();
        if (ads.isEmpty() && !communities.isEmpty()) {
            p.add("spec.communities", "communities are defined but not used in prefixAdvertisements");
        }
        for (int i = 0; i < ads.size(); i++) {
            var ad = ads.get(i);
            String path = at("spec.prefixAdvertisements", i);
            if (IpNets.parseCidrOrIp(ad.cidr()) == null) {
                p.add(at(path, "cidr"), "invalid CIDR value.");
            }
            List<String> values = ad.communities() == null ? List.of() : ad.communities();
            if (values.isEmpty()) {
                p.add(at(path, "communities"), "Required value: communities must be set for a prefix advertisement");
            }
            for (int j = 0; j < values.size(); j++) {
                String v = values.get(j);
                boolean defined = communities.stream().anyMatch(c -> v.equals(c.name()));
                if (!defined && !validCommunity(p, at(at(path, "communities"), j), v)) {
                    p.add(at(at(path, "communities"), j), "community used is invalid or not defined.");
                }
            }
        }
    }

    /** Whether the value is in community format; reports out-of-range parts. */
    private static boolean validCommunity(Problems p, String path, String value) {
        int bits;
        if (STANDARD_COMMUNITY.matcher(value).matches()) {
            bits = 16;
        } else if (LARGE_COMMUNITY.matcher(value).matches()) {
            bits = 32;
        } else {
            return false;
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(bits);
        for (String part : value.split(":")) {
            if (new BigInteger(part).compareTo(limit) >= 0) {
                p.add(path, "invalid community value, expected " + bits + " bit value");
                break;
            }
        }
        return true;
    }

    private static void ipOfVersion(Problems p, String path, String ip, int version) {
        if (ip == null || ip.isEmpty()) {
            return;
        }
        IpNets.Net n = IpNets.parseIp(ip);
        if (n == null || n.version() != version) {
            p.add(path, "invalid IPv" + version + " address \"" + ip + "\"");
        }
    }

    static void peer(Problems p, BGPPeer peer) {
        var s = peer.spec();
        if (s == null) {
            return;
        }
        Checks.resourceName(p, "spec.node", s.node());
        Checks.selector(p, "spec.nodeSelector", s.nodeSelector());
        Checks.selector(p, "spec.peerSelector", s.peerSelector());
        Checks.selector(p, "spec.localWorkloadSelector", s.localWorkloadSelector());
        Checks.oneOf(p, "spec.nextHopMode", s.nextHopMode(), "Auto", "Self", "Keep");
        Checks.oneOf(p, "spec.sourceAddress", s.sourceAddress(), "UseNodeIP", "None");
        Checks.oneOf(p, "spec.reversePeering", s.reversePeering(), "Auto", "Manual");
        Checks.oneOf(p, "spec.failureDetectionMode", s.failureDetectionMode(), "None", "BFDIfDirectlyConnected");
        Checks.oneOf(p, "spec.restartMode", s.restartMode(), "GracefulRestart", "LongLivedGracefulRestart");
        Checks.oneOf(p, "spec.birdGatewayMode", s.birdGatewayMode(), "Recursive", "DirectIfDirectlyConnected");
        Checks.duration(p, "spec.maxRestartTime", s.maxRestartTime());
        Checks.duration(p, "spec.keepaliveTime", s.keepaliveTime());
        Checks.range(p, "spec.ttlSecurity", s.ttlSecurity(), 0, 255);
        Checks.range(p, "spec.numAllowedLocalASNumbers", s.numAllowedLocalASNumbers(), 0, Integer.MAX_VALUE);
        List<String> filters = s.filters() == null ? List.of() : s.filters();
        for (int i = 0; i < filters.size(); i++) {
            Checks.resourceName(p, at("spec.filters", i), filters.get(i));
        }
        if (s.peerIP() != null && !s.peerIP().isEmpty() && peerAddress(s.peerIP()) == null) {
            p.add("spec.peerIP", "invalid peerIP \"" + s.peerIP() + "\": expected <IP>, <IPv4>:<port> or [<IPv6>]:<port>");
        }
        peerCombinations(p, s);
    }

    private static void peerCombinations(Problems p, BGPPeer.Spec s) {
        boolean node = notEmpty(s.node());
        boolean peerIp = notEmpty(s.peerIP());
        boolean peerSel = notEmpty(s.peerSelector());
        boolean lws = notEmpty(s.localWorkloadSelector());
        boolean asn = s.asNumber() != null && s.asNumber().value() != 0;
        if (node && notEmpty(s.nodeSelector())) {
            p.add("spec.node", "node and nodeSelector cannot both be set");
        }
        if (peerIp && peerSel) {
            p.add("spec.peerIP", "peerIP and peerSelector cannot both be set");
        }
        if (asn && peerSel) {
            p.add("spec.asNumber", "asNumber must be empty when peerSelector is set");
        }
        if (!asn && lws) {
            p.add("spec.asNumber", "asNumber is required when localWorkloadSelector is set");
        }
        if (peerIp && lws) {
            p.add("spec.peerIP", "peerIP must be empty when localWorkloadSelector is set");
        }
        if (peerSel && lws) {
            p.add("spec.peerSelector", "peerSelector must be empty when localWorkloadSelector is set");
        }
        if (Boolean.TRUE.equals(s.keepOriginalNextHop()) && s.nextHopMode() != null) {
            p.add("spec.keepOriginalNextHop", "keepOriginalNextHop and nextHopMode cannot both be set "
                    + "(keepOriginalNextHop is deprecated in favour of nextHopMode)");
        }
        reachableBy(p, s);
    }

    private static void reachableBy(Problems p, BGPPeer.Spec s) {
        if (!notEmpty(s.reachableBy())) {
            return;
        }
        IpNets.Net via = IpNets.parseIp(s.reachableBy());
        if (!notEmpty(s.peerIP())) {
            p.add("spec.reachableBy", "reachableBy must be empty when peerIP is empty");
        } else if (via == null) {
            p.add("spec.reachableBy", "ReachableBy is invalid address");
        } else {
            IpNets.Net peer = peerAddress(s.peerIP());
            if (peer != null && peer.version() != via.version()) {
                p.add("spec.reachableBy", "ReachableBy and PeerIP address family mismatched");
            }
        }
    }

    /** The address of a peerIP ({@code ip}, {@code ipv4:port}, {@code [ipv6]:port}); null if malformed. */
    static IpNets.Net peerAddress(String peerIp) {
        var m4 = IPV4_PORT.matcher(peerIp);
        var m6 = IPV6_PORT.matcher(peerIp);
        String ip = peerIp;
        String port = null;
        if (m4.matches()) {
            ip = peerIp.substring(0, peerIp.lastIndexOf(':'));
            port = m4.group(5);
        } else if (m6.matches()) {
            ip = m6.group(1);
            port = m6.group(2);
        }
        if (port != null && (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            return null;
        }
        return IpNets.parseIp(ip);
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    static void filter(Problems p, BGPFilter f) {
        var s = f.spec();
        if (s == null) {
            return;
        }
        filterRules(p, "spec.exportV4", s.exportV4(), 4);
        filterRules(p, "spec.importV4", s.importV4(), 4);
        filterRules(p, "spec.exportV6", s.exportV6(), 6);
        filterRules(p, "spec.importV6", s.importV6(), 6);
    }

    private static void filterRules(Problems p, String path, List<BGPFilter.FilterRule> rules, int version) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            BgpFilterChecks.rule(p, at(path, i), rules.get(i), version);
        }
    }

    static boolean communityValue(String value) {
        if (value == null) {
            return false;
        }
        int bits = STANDARD_COMMUNITY.matcher(value).matches() ? 16
                : LARGE_COMMUNITY.matcher(value).matches() ? 32 : 0;
        if (bits == 0) {
            return false;
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(bits);
        for (String part : value.split(":")) {
            if (new BigInteger(part).compareTo(limit) >= 0) {
                return false;
            }
        }
        return true;
    }

    static boolean filterInterface(String name) {
        return name.equals("*") || FILTER_INTERFACE.matcher(name).matches();
    }
}
