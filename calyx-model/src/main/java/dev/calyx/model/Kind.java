package dev.calyx.model;

import java.util.List;

/**
 * Every kind calyx knows: its apiVersion and kind (as written in manifests), the plural used in datastore keys
 * ({@code /calico/resources/v3/projectcalico.org/<plural>/...}), its scope, and the names calicoctl accepts on the
 * command line (see {@link Kinds#lookup(String)}).
 */
public enum Kind {
    IP_POOL(Kind.CALICO, "IPPool", "ippools", false, IPPool.class, "ipp", "ipps", "pool", "pools"),
    IP_RESERVATION(Kind.CALICO, "IPReservation", "ipreservations", false, IPReservation.class, "ipr", "iprs"),
    IPAM_CONFIGURATION(Kind.CALICO, "IPAMConfiguration", "ipamconfigurations", false, IPAMConfiguration.class,
            "ipamconfig", "ipamconfigs"),
    BGP_CONFIGURATION(Kind.CALICO, "BGPConfiguration", "bgpconfigurations", false, BGPConfiguration.class,
            "bgpconfig", "bgpconfigs", "bgpc"),
    BGP_PEER(Kind.CALICO, "BGPPeer", "bgppeers", false, BGPPeer.class, "bgpp", "bgpps", "bp", "bps"),
    BGP_FILTER(Kind.CALICO, "BGPFilter", "bgpfilters", false, BGPFilter.class, "bgpf", "bgpfs"),
    FELIX_CONFIGURATION(Kind.CALICO, "FelixConfiguration", "felixconfigurations", false, FelixConfiguration.class,
            "felixconfig", "felixconfigs", "fc", "fcs"),
    KUBE_CONTROLLERS_CONFIGURATION(Kind.CALICO, "KubeControllersConfiguration", "kubecontrollersconfigurations",
            false, KubeControllersConfiguration.class, "kubecontrollersconfig", "kubecontrollersconfigs", "kcc"),
    CLUSTER_INFORMATION(Kind.CALICO, "ClusterInformation", "clusterinformations", false, ClusterInformation.class,
            "clusterinfo", "clusterinfos"),
    NODE(Kind.CALICO, "Node", "nodes", false, Node.class, "no", "nos"),
    TIER(Kind.CALICO, "Tier", "tiers", false, Tier.class),
    PROFILE(Kind.CALICO, "Profile", "profiles", false, Profile.class, "pro", "pros"),
    NETWORK_POLICY(Kind.CALICO, "NetworkPolicy", "networkpolicies", true, NetworkPolicy.class,
            "np", "nps", "netpol", "netpols", "policy", "policies", "pol", "pols"),
    GLOBAL_NETWORK_POLICY(Kind.CALICO, "GlobalNetworkPolicy", "globalnetworkpolicies", false,
            GlobalNetworkPolicy.class, "gnp", "gnps", "globalpolicy", "globalpolicies"),
    STAGED_NETWORK_POLICY(Kind.CALICO, "StagedNetworkPolicy", "stagednetworkpolicies", true,
            StagedNetworkPolicy.class, "snp", "snps"),
    STAGED_GLOBAL_NETWORK_POLICY(Kind.CALICO, "StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicies", false,
            StagedGlobalNetworkPolicy.class, "sgnp", "sgnps"),
    STAGED_KUBERNETES_NETWORK_POLICY(Kind.CALICO, "StagedKubernetesNetworkPolicy",
            "stagedkubernetesnetworkpolicies", true, StagedKubernetesNetworkPolicy.class, "sknp", "sknps"),
    NETWORK_SET(Kind.CALICO, "NetworkSet", "networksets", true, NetworkSet.class, "netset", "netsets"),
    GLOBAL_NETWORK_SET(Kind.CALICO, "GlobalNetworkSet", "globalnetworksets", false, GlobalNetworkSet.class,
            "gns", "globalnetset", "globalnetsets"),
    HOST_ENDPOINT(Kind.CALICO, "HostEndpoint", "hostendpoints", false, HostEndpoint.class, "hep", "heps"),
    WORKLOAD_ENDPOINT(Kind.CALICO, "WorkloadEndpoint", "workloadendpoints", true, WorkloadEndpoint.class,
            "wep", "weps"),
    BLOCK_AFFINITY(Kind.CALICO, "BlockAffinity", "blockaffinities", false, BlockAffinity.class, "blockaffinity"),
    CALICO_NODE_STATUS(Kind.CALICO, "CalicoNodeStatus", "caliconodestatuses", false, CalicoNodeStatus.class,
            "caliconodestatus", "cns"),
    KUBERNETES_NETWORK_POLICY("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies.networking.k8s.io", true,
            KubernetesNetworkPolicy.class, "knp", "knps", "k8snetworkpolicy", "k8snetworkpolicies"),
    KUBERNETES_NAMESPACE("v1", "Namespace", "namespaces", false, KubernetesNamespace.class, "namespace", "ns"),
    KUBERNETES_POD("v1", "Pod", "pods", true, KubernetesPod.class, "po");

    static final String CALICO = "projectcalico.org/v3";

    private final String apiVersion;
    private final String kindName;
    private final String plural;
    private final boolean namespaced;
    private final Class<? extends Resource> type;
    private final List<String> shortNames;

    Kind(String apiVersion, String kindName, String plural, boolean namespaced, Class<? extends Resource> type,
         String... shortNames) {
        this.apiVersion = apiVersion;
        this.kindName = kindName;
        this.plural = plural;
        this.namespaced = namespaced;
        this.type = type;
        this.shortNames = List.of(shortNames);
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The {@code kind:} value as written in manifests. */
    public String kindName() {
        return kindName;
    }

    /** Lower-case plural, as in Calico's etcd keys. */
    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    public Class<? extends Resource> type() {
        return type;
    }

    /** calicoctl-style aliases, besides the singular and plural names. */
    public List<String> shortNames() {
        return shortNames;
    }

    public boolean isCalico() {
        return CALICO.equals(apiVersion);
    }

    public static Kind of(Class<?> type) {
        for (Kind k : values()) {
            if (k.type == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a resource type: " + type.getName());
    }
}
