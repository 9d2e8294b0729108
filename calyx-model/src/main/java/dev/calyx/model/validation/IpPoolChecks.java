package dev.calyx.model.validation;

import dev.calyx.model.IPPool;
import dev.calyx.model.IPReservation;

import java.util.List;

import static dev.calyx.model.validation.Problems.at;

/** IPPool rules (validator.go validateIPPoolSpec plus the IPPool CEL rules), and IPReservation. */
final class IpPoolChecks {
    private static final IpNets.Net V4_LINK_LOCAL = IpNets.parseCidr("169.254.0.0/16");
    private static final IpNets.Net V6_LINK_LOCAL = IpNets.parseCidr("fe80::/10");

    private IpPoolChecks() {
    }

    static void ipPool(Problems p, IPPool pool) {
        IPPool.Spec s = pool.spec();
        if (s == null || s.cidr() == null || s.cidr().isEmpty()) {
            p.add("spec.cidr", "IPPool CIDR must be specified");
            return;
        }
        fields(p, s);
        boolean loadBalancer = uses(p, s.allowedUses());
        encapAndUses(p, s, loadBalancer);
        IpNets.Net cidr = IpNets.parseCidrOrIp(s.cidr());
        if (cidr == null) {
            p.add("spec.cidr", "IPPool CIDR must be a valid subnet (\"" + s.cidr() + "\")");
            return;
        }
        cidrRules(p, s, cidr, enabled(s.ipipMode()));
    }

    private static void fields(Problems p, IPPool.Spec s) {
        Checks.oneOf(p, "spec.ipipMode", s.ipipMode(), "Never", "Always", "CrossSubnet");
        Checks.oneOf(p, "spec.vxlanMode", s.vxlanMode(), "Never", "Always", "CrossSubnet");
        Checks.oneOf(p, "spec.assignmentMode", s.assignmentMode(), "Automatic", "Manual");
        Checks.selector(p, "spec.nodeSelector", s.nodeSelector());
        Checks.selector(p, "spec.namespaceSelector", s.namespaceSelector());
        if (s.ipip() != null) {
            p.add("spec.ipip", "field is for APIv1 compatibility only and must not be set");
        }
        if (Boolean.TRUE.equals(s.natOutgoingV1())) {
            p.add("spec.nat-outgoing", "field is for APIv1 compatibility only and must not be set");
        }
    }

    private static void encapAndUses(Problems p, IPPool.Spec s, boolean loadBalancer) {
        if (s.allowedUses() != null && s.allowedUses().contains("Tunnel") && s.namespaceSelector() != null
                && !s.namespaceSelector().isEmpty()) {
            p.add("spec.namespaceSelector", "IP Pool with AllowedUse Tunnel cannot have namespaceSelector");
        }
        if (s.nodeSelector() != null && s.nodeSelector().contains("global(")) {
            p.add("spec.nodeSelector", "global() selector is not valid for IPPool nodeSelector");
        }
        if (s.namespaceSelector() != null && s.namespaceSelector().contains("global(")) {
            p.add("spec.namespaceSelector", "global() selector is not valid for IPPool namespaceSelector");
        }
        boolean ipip = enabled(s.ipipMode());
        boolean vxlan = enabled(s.vxlanMode());
        if (ipip && vxlan) {
            p.add("spec.ipipMode", "ipipMode and vxlanMode cannot both be enabled");
        }
        if (loadBalancer && (ipip || vxlan)) {
            p.add("spec.allowedUses", "LoadBalancer IP pool cannot have IPIP or VXLAN enabled");
        }
        if (loadBalancer && Boolean.TRUE.equals(s.disableBGPExport())) {
            p.add("spec.disableBGPExport", "LoadBalancer IP pools cannot disable BGP export");
        }
        if (loadBalancer && s.nodeSelector() != null && !s.nodeSelector().strip().equals("all()")) {
            p.add("spec.nodeSelector", "IP Pool with AllowedUse LoadBalancer must have nodeSelector set to all()");
        }
    }

    private static void cidrRules(Problems p, IPPool.Spec s, IpNets.Net cidr, boolean ipip) {
        if (cidr.version() == 6 && ipip) {
            p.add("spec.ipipMode", "IPIP is not supported on IPv6 pools "
                    + "(IPIPMode other than 'Never' is not supported on an IPv6 IP pool)");
        }
        int blockSize = s.blockSize() != null ? s.blockSize() : (cidr.version() == 4 ? 26 : 122);
        if (s.blockSize() != null) {
            int min = cidr.version() == 4 ? 20 : 116;
            int max = cidr.version() == 4 ? 32 : 128;
            if (blockSize < min || blockSize > max) {
                p.add("spec.blockSize", "block size " + blockSize + " is invalid: it must be between " + min
                        + " and " + max + " for an IPv" + cidr.version() + " pool");
            }
        }
        if (!Boolean.TRUE.equals(s.disabled()) && cidr.prefix() > blockSize) {
            p.add("spec.cidr", "IP pool size is too small for use with Calico IPAM. It must be equal to or "
                    + "greater than the block size.");
        }
        if (!cidr.strictlyMasked()) {
            p.add("spec.cidr", "IP pool CIDR is not strictly masked");
        }
        if (cidr.version() == 4 && cidr.overlaps(V4_LINK_LOCAL)) {
            p.add("spec.cidr", "IP pool range overlaps with IPv4 Link Local range 169.254.0.0/16");
        }
        if (cidr.version() == 6 && cidr.overlaps(V6_LINK_LOCAL)) {
            p.add("spec.cidr", "IP pool range overlaps with IPv6 Link Local range fe80::/10");
        }
    }

    private static boolean uses(Problems p, List<String> uses) {
        if (uses == null) {
            return false;
        }
        boolean loadBalancer = uses.contains("LoadBalancer");
        for (int i = 0; i < uses.size(); i++) {
            String use = uses.get(i);
            switch (use) {
                case "LoadBalancer" -> {
                }
                case "Workload", "Tunnel" -> {
                    if (loadBalancer) {
                        p.add(at("spec.allowedUses", i), "LoadBalancer cannot be combined with Workload or Tunnel");
                    }
                }
                default -> p.add(at("spec.allowedUses", i), Checks.unsupported(use, "Workload", "Tunnel",
                        "LoadBalancer"));
            }
        }
        return loadBalancer;
    }

    private static boolean enabled(String mode) {
        return "Always".equals(mode) || "CrossSubnet".equals(mode);
    }

    static void ipReservation(Problems p, IPReservation r) {
        List<String> cidrs = r.spec() == null || r.spec().reservedCIDRs() == null ? List.of()
                : r.spec().reservedCIDRs();
        for (int i = 0; i < cidrs.size(); i++) {
            if (IpNets.parseCidrOrIp(cidrs.get(i)) == null) {
                p.add(at("spec.reservedCIDRs", i), "invalid CIDR \"" + cidrs.get(i) + "\"");
            }
        }
    }
}
