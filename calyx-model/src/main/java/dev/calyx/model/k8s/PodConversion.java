package dev.calyx.model.k8s;

import dev.calyx.model.KubernetesPod;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.numorstring.Protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Calico derives from a Pod for its workload endpoint (KDD pod conversion): the endpoint labels (pod labels
 * plus {@code projectcalico.org/namespace}, {@code projectcalico.org/orchestrator: k8s} and, if set,
 * {@code projectcalico.org/serviceaccount}), the profiles {@code kns.<ns>} and {@code ksa.<ns>.<sa>}, and the
 * named container ports that named-port policy rules resolve against.
 */
public final class PodConversion {
    public static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    public static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";
    public static final String SERVICE_ACCOUNT_LABEL = "projectcalico.org/serviceaccount";
    public static final String ORCHESTRATOR_K8S = "k8s";

    private PodConversion() {
    }

    public static Map<String, String> endpointLabels(KubernetesPod pod) {
        Map<String, String> labels = new LinkedHashMap<>(pod.metadata().labelsOrEmpty());
        labels.put(NAMESPACE_LABEL, pod.metadata().namespace());
        labels.put(ORCHESTRATOR_LABEL, ORCHESTRATOR_K8S);
        String sa = pod.spec() == null ? null : pod.spec().serviceAccountName();
        if (sa != null && !sa.isEmpty()) {
            labels.put(SERVICE_ACCOUNT_LABEL, sa);
        }
        return labels;
    }

    public static List<String> profiles(KubernetesPod pod) {
        List<String> profiles = new ArrayList<>();
        String ns = pod.metadata().namespace();
        profiles.add(NamespaceProfiles.profileName(ns));
        String sa = pod.spec() == null ? null : pod.spec().serviceAccountName();
        if (sa != null && !sa.isEmpty()) {
            profiles.add("ksa." + ns + "." + sa);
        }
        return profiles;
    }

    /** Named container ports (and host ports) as workload endpoint ports; protocol defaults to TCP. */
    public static List<WorkloadEndpoint.WorkloadPort> ports(KubernetesPod pod) {
        List<WorkloadEndpoint.WorkloadPort> out = new ArrayList<>();
        if (pod.spec() == null || pod.spec().containers() == null) {
            return out;
        }
        for (var c : pod.spec().containers()) {
            if (c.ports() == null) {
                continue;
            }
            for (var p : c.ports()) {
                boolean named = p.name() != null && !p.name().isEmpty();
                boolean host = p.hostPort() != null && p.hostPort() != 0;
                if (named || host) {
                    Protocol protocol = Protocol.fromName(p.protocol() == null ? "TCP" : p.protocol());
                    out.add(new WorkloadEndpoint.WorkloadPort(named ? p.name() : null, protocol, p.containerPort(),
                            host ? p.hostPort() : null, p.hostIP()));
                }
            }
        }
        return out;
    }
}
