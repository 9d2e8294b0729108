package dev.calyx.model.validation;

import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.StagedKubernetesNetworkPolicy;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyPeer;
import dev.calyx.model.k8s.NetworkPolicyPort;

import java.util.List;

import static dev.calyx.model.validation.Problems.at;

/** Kubernetes NetworkPolicy shape rules (as the API server validates them) and the staged variant. */
final class K8sChecks {
    private K8sChecks() {
    }

    static void networkPolicy(Problems p, KubernetesNetworkPolicy np) {
        var s = np.spec();
        if (s == null) {
            return;
        }
        body(p, s.podSelector(), s.ingress() == null ? null : s.ingress().stream().map(r -> new Side(r.ports(), r.from())).toList(),
                s.egress() == null ? null : s.egress().stream().map(r -> new Side(r.ports(), r.to())).toList(),
                s.policyTypes());
    }

    static void stagedKubernetesNetworkPolicy(Problems p, StagedKubernetesNetworkPolicy np) {
        var s = np.spec();
        if (s == null) {
            return;
        }
        Checks.oneOf(p, "spec.stagedAction", s.stagedAction(), "Set", "Delete", "Learn", "Ignore");
        if ("Delete".equals(s.stagedAction())) {
            if (s.podSelector() != null || s.ingress() != null || s.egress() != null || s.policyTypes() != null) {
                p.add("spec", "Spec fields should all be zero-value if stagedAction is Delete");
            }
            return;
        }
        body(p, s.podSelector(), s.ingress() == null ? null : s.ingress().stream().map(r -> new Side(r.ports(), r.from())).toList(),
                s.egress() == null ? null : s.egress().stream().map(r -> new Side(r.ports(), r.to())).toList(),
                s.policyTypes());
    }

    private record Side(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> peers) {
    }

    private static void body(Problems p, LabelSelector podSelector, List<Side> ingress, List<Side> egress,
                             List<String> types) {
        labelSelector(p, "spec.podSelector", podSelector);
        sides(p, "spec.ingress", ingress, "from");
        sides(p, "spec.egress", egress, "to");
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                Checks.oneOf(p, at("spec.policyTypes", i), types.get(i), "Ingress", "Egress");
            }
        }
    }

    private static void sides(Problems p, String path, List<Side> sides, String peersField) {
        if (sides == null) {
            return;
        }
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            String sp = at(path, i);
            List<NetworkPolicyPort> ports = side.ports() == null ? List.of() : side.ports();
            for (int j = 0; j < ports.size(); j++) {
                port(p, at(at(sp, "ports"), j), ports.get(j));
            }
            List<NetworkPolicyPeer> peers = side.peers() == null ? List.of() : side.peers();
            for (int j = 0; j < peers.size(); j++) {
                peer(p, at(at(sp, peersField), j), peers.get(j));
            }
        }
    }

    private static void port(Problems p, String path, NetworkPolicyPort port) {
        if (port.protocol() != null) {
            Checks.oneOf(p, at(path, "protocol"), port.protocol(), "TCP", "UDP", "SCTP");
        }
        var value = port.port();
        if (value != null && value.isInt()) {
            Checks.range(p, at(path, "port"), value.intValue(), 1, 65535);
        } else if (value != null) {
            String problem = Checks.portNameProblem(value.stringValue());
            if (problem != null) {
                p.add(at(path, "port"), problem);
            }
        }
        if (port.endPort() != null) {
            if (value == null || !value.isInt()) {
                p.add(at(path, "endPort"), "may not be specified when `port` is non-numeric");
            } else if (port.endPort() < value.intValue()) {
                p.add(at(path, "endPort"), "must be greater than or equal to `port`");
            }
            Checks.range(p, at(path, "endPort"), port.endPort(), 1, 65535);
        }
    }

    private static void peer(Problems p, String path, NetworkPolicyPeer peer) {
        int set = (peer.podSelector() != null ? 1 : 0) + (peer.namespaceSelector() != null ? 1 : 0);
        if (peer.ipBlock() != null) {
            if (set > 0) {
                p.add(path, "may not specify more than 1 peer type (ipBlock with selectors)");
            }
            var block = IpNets.parseCidr(peer.ipBlock().cidr());
            if (block == null) {
                p.add(at(path, "ipBlock.cidr"), "invalid CIDR \"" + peer.ipBlock().cidr() + "\"");
            }
            List<String> except = peer.ipBlock().except() == null ? List.of() : peer.ipBlock().except();
            for (int i = 0; i < except.size(); i++) {
                var e = IpNets.parseCidr(except.get(i));
                if (e == null) {
                    p.add(at(at(path, "ipBlock.except"), i), "invalid CIDR \"" + except.get(i) + "\"");
                } else if (block != null && (!block.overlaps(e) || e.prefix() <= block.prefix())) {
                    p.add(at(at(path, "ipBlock.except"), i), "must be a strict subset of `cidr`");
                }
            }
        } else if (set == 0) {
            p.add(path, "must specify a peer");
        }
        labelSelector(p, at(path, "podSelector"), peer.podSelector());
        labelSelector(p, at(path, "namespaceSelector"), peer.namespaceSelector());
    }

    private static void labelSelector(Problems p, String path, LabelSelector s) {
        if (s == null) {
            return;
        }
        Checks.labels(p, at(path, "matchLabels"), s.matchLabels());
        List<LabelSelector.Requirement> reqs = s.matchExpressions() == null ? List.of() : s.matchExpressions();
        for (int i = 0; i < reqs.size(); i++) {
            var r = reqs.get(i);
            String rp = at(at(path, "matchExpressions"), i);
            if (r.key() == null || Checks.qualifiedNameProblem(r.key()) != null) {
                p.add(at(rp, "key"), "invalid label key \"" + r.key() + "\"");
            }
            Checks.oneOf(p, at(rp, "operator"), r.operator(), "In", "NotIn", "Exists", "DoesNotExist");
            boolean hasValues = r.values() != null && !r.values().isEmpty();
            if (("In".equals(r.operator()) || "NotIn".equals(r.operator())) && !hasValues) {
                p.add(at(rp, "values"), "must be specified when `operator` is 'In' or 'NotIn'");
            }
            if (("Exists".equals(r.operator()) || "DoesNotExist".equals(r.operator())) && hasValues) {
                p.add(at(rp, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            }
        }
    }
}
