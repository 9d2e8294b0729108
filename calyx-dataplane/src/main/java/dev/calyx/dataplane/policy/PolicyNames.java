package dev.calyx.dataplane.policy;

import dev.calyx.calc.EndpointKey;
import dev.calyx.calc.PolicyKey;
import dev.calyx.kernel.nft.NftFamily;
import dev.calyx.kernel.nft.NftTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every kernel object name the policy dataplane uses. All live in the {@code inet calyx} table and start with
 * {@link #PREFIX}, so ownership is visible in {@code nft list ruleset} (as kube-router's {@code KUBE-} prefix).
 * Names derived from ids are a prefix that says what the object is plus a SHA-256 digest of the id: deterministic
 * across restarts (resync can find them), always a valid nft identifier whatever the id holds, never an nft
 * keyword, and short. 80 bits of digest make an accidental collision among a node's objects negligible.
 */
public final class PolicyNames {
    public static final String TABLE_NAME = "calyx";
    public static final NftTable TABLE = new NftTable(NftFamily.INET, TABLE_NAME);
    public static final String PREFIX = "cx_";

    public static final String FORWARD_CHAIN = PREFIX + "forward";
    public static final String INPUT_CHAIN = PREFIX + "input";
    public static final String NAT_CHAIN = PREFIX + "nat_post";
    /** Verdict map iifname → egress chain of the workload behind that interface. */
    public static final String FROM_WORKLOAD_MAP = PREFIX + "from_wl";
    /** Verdict map oifname → ingress chain of the workload behind that interface. */
    public static final String TO_WORKLOAD_MAP = PREFIX + "to_wl";
    /** Pool CIDRs with natOutgoing, and all pool CIDRs (for "leaving all pools"). */
    public static final String NAT_POOLS_4 = PREFIX + "masq_pools4";
    public static final String ALL_POOLS_4 = PREFIX + "all_pools4";
    public static final String NAT_POOLS_6 = PREFIX + "masq_pools6";
    public static final String ALL_POOLS_6 = PREFIX + "all_pools6";

    /** Workload interfaces are named cali*; anything so named that the dispatch maps do not know is dropped. */
    public static final String WORKLOAD_IFACE_GLOB = "cali*";

    private PolicyNames() {
    }

    /** Chain for traffic TO the workload (its ingress policy). */
    public static String toWorkloadChain(EndpointKey key) {
        return PREFIX + "tw_" + digest(key.toString());
    }

    /** Chain for traffic FROM the workload (its egress policy). */
    public static String fromWorkloadChain(EndpointKey key) {
        return PREFIX + "fw_" + digest(key.toString());
    }

    public static String policyChain(PolicyKey key, boolean ingress) {
        return PREFIX + (ingress ? "pi_" : "po_") + digest(key.id());
    }

    public static String profileChain(String profile, boolean ingress) {
        return PREFIX + (ingress ? "ri_" : "ro_") + digest(profile);
    }

    /** The kernel set holding the IPv4 ({@code v6} false) or IPv6 members of calc IP set {@code id}. */
    public static String ipSet(String id, boolean v6) {
        return PREFIX + (v6 ? "s6_" : "s4_") + digest(id);
    }

    static String digest(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256, which every Java SE platform provides", e);
        }
    }
}
