package dev.calyx.calc;

import dev.calyx.model.GlobalNetworkSet;
import dev.calyx.model.HostEndpoint;
import dev.calyx.model.NetworkSet;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.k8s.NamespaceProfiles;
import dev.calyx.model.k8s.PodConversion;
import dev.calyx.model.numorstring.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the graph needs of an endpoint or network set, extracted once per input version: own labels, parent
 * profiles (whose {@code labelsToApply} it inherits), addresses, named ports, whether it is on this node, and
 * its interface. Labels Calico derives are added here: {@code projectcalico.org/namespace} on namespaced items,
 * orchestrator and service account on workloads; namespaced items inherit their namespace profile
 * {@code kns.<ns>}, which is how namespace selectors ({@code pcns.*}) match them.
 */
record EndpointData(EndpointKey key, Map<String, String> ownLabels, List<String> profiles, List<String> addresses,
                    List<NamedPort> ports, boolean local, String interfaceName) {

    /** A named port of an endpoint. */
    record NamedPort(String name, int protocol, int port) {
    }

    EndpointData {
        ownLabels = Map.copyOf(ownLabels);
        profiles = List.copyOf(profiles);
        addresses = List.copyOf(addresses);
        ports = List.copyOf(ports);
    }

    static EndpointData of(WorkloadEndpoint wep, String localNode) {
        var m = wep.metadata();
        var s = requireSpec(wep.spec());
        String ns = m.namespace();
        Map<String, String> labels = new LinkedHashMap<>(m.labelsOrEmpty());
        labels.putIfAbsent(PodConversion.NAMESPACE_LABEL, ns);
        if (s.orchestrator() != null) {
            labels.putIfAbsent(PodConversion.ORCHESTRATOR_LABEL, s.orchestrator());
        }
        if (s.serviceAccountName() != null && !s.serviceAccountName().isEmpty()) {
            labels.putIfAbsent(PodConversion.SERVICE_ACCOUNT_LABEL, s.serviceAccountName());
        }
        List<String> profiles = new ArrayList<>();
        profiles.add(NamespaceProfiles.profileName(ns));
        if (s.profiles() != null) {
            s.profiles().stream().filter(p -> !profiles.contains(p)).forEach(profiles::add);
        }
        List<NamedPort> ports = new ArrayList<>();
        if (s.ports() != null) {
            s.ports().forEach(p -> addPort(ports, p.name(), p.protocol(), p.port()));
        }
        return new EndpointData(EndpointKey.workload(ns, m.name()), labels, profiles, Nets.normalize(s.ipNetworks()),
                ports, localNode.equals(s.node()), s.interfaceName());
    }

    static EndpointData of(HostEndpoint hep, String localNode) {
        var s = requireSpec(hep.spec());
        List<NamedPort> ports = new ArrayList<>();
        if (s.ports() != null) {
            s.ports().forEach(p -> addPort(ports, p.name(), p.protocol(), p.port()));
        }
        List<String> addresses = Nets.normalize(s.expectedIPs());
        return new EndpointData(EndpointKey.host(hep.metadata().name()), hep.metadata().labelsOrEmpty(),
                orEmpty(s.profiles()), addresses, ports, localNode.equals(s.node()), s.interfaceName());
    }

    static EndpointData of(NetworkSet set) {
        String ns = set.metadata().namespace();
        Map<String, String> labels = new LinkedHashMap<>(set.metadata().labelsOrEmpty());
        labels.putIfAbsent(PodConversion.NAMESPACE_LABEL, ns);
        return new EndpointData(new EndpointKey(EndpointKey.Type.NETWORK_SET, ns, set.metadata().name()), labels,
                List.of(NamespaceProfiles.profileName(ns)), set.spec() == null ? List.of() : Nets.normalize(set.spec().nets()),
                List.of(), false, null);
    }

    static EndpointData of(GlobalNetworkSet set) {
        return new EndpointData(new EndpointKey(EndpointKey.Type.GLOBAL_NETWORK_SET, null, set.metadata().name()),
                set.metadata().labelsOrEmpty(), List.of(),
                set.spec() == null ? List.of() : Nets.normalize(set.spec().nets()), List.of(), false, null);
    }

    private static void addPort(List<NamedPort> out, String name, Protocol protocol, Integer port) {
        if (name == null || name.isEmpty() || port == null) {
            return;
        }
        int number = (protocol == null ? Protocol.TCP : protocol).numeric();
        if (number > 0) {
            out.add(new NamedPort(name, number, port));
        }
    }

    private static <T> T requireSpec(T spec) {
        if (spec == null) {
            throw new IllegalArgumentException("endpoint has no spec");
        }
        return spec;
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
