package dev.calyx.ipam;

/**
 * Calico's etcd v3 key layout for IPAM (libcalico-go {@code model/block.go}, {@code block_affinity.go},
 * {@code ipam_handle.go}, {@code ipam_config.go}) and the v3 resources IPAM reads. One place, so the layout can be
 * checked against Calico's at a glance.
 */
public final class IpamKeys {
    public static final String IPAM_ROOT = "/calico/ipam/v2/";
    public static final String CONFIG = "/calico/ipam/v2/config";
    public static final String HANDLES = "/calico/ipam/v2/handle/";
    public static final String AFFINITY_ROOT = "/calico/ipam/v2/host/";
    public static final String RESOURCES = "/calico/resources/v3/projectcalico.org/";
    public static final String IPPOOLS = RESOURCES + "ippools/";
    public static final String IPRESERVATIONS = RESOURCES + "ipreservations/";
    public static final String NODES = RESOURCES + "nodes/";
    public static final String WORKLOAD_ENDPOINTS = RESOURCES + "workloadendpoints/";
    /** calyx's own: when IpamGc first saw each suspected leak, so the grace period spans runs. */
    public static final String GC_LEDGER = "/calyx/ipam/v1/gc-ledger/";

    private IpamKeys() {}

    /** {@code /calico/ipam/v2/assignment/ipv4/block/} */
    public static String blocks(IpFamily f) {
        return IPAM_ROOT + "assignment/" + f.keyword() + "/block/";
    }

    /** {@code /calico/ipam/v2/assignment/ipv4/block/10.0.0.0-26} */
    public static String block(Cidr c) {
        return blocks(c.family()) + c.keyForm();
    }

    /** {@code /calico/ipam/v2/host/<node>/ipv4/block/} */
    public static String affinities(String node, IpFamily f) {
        return AFFINITY_ROOT + node + "/" + f.keyword() + "/block/";
    }

    /** {@code /calico/ipam/v2/host/<node>/ipv4/block/10.0.0.0-26} */
    public static String affinity(String node, Cidr c) {
        return affinities(node, c.family()) + c.keyForm();
    }

    public static String handle(String handleId) {
        return HANDLES + handleId;
    }

    public static String node(String name) {
        return NODES + name;
    }

    /** Node name and block of an affinity key, or null if the key is not one. */
    public static AffinityKey parseAffinity(String key) {
        if (!key.startsWith(AFFINITY_ROOT)) {
            return null;
        }
        String[] p = key.substring(AFFINITY_ROOT.length()).split("/");
        if (p.length != 4 || !p[2].equals("block")) {
            return null;
        }
        return new AffinityKey(p[0], Cidr.parse(p[3]));
    }

    /** Node and block named by an affinity key. */
    public record AffinityKey(String node, Cidr cidr) {}
}
