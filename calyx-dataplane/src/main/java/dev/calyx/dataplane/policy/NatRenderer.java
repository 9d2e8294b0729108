package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftBaseChain;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftSetSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * NAT outgoing (Calico §3.5) → one nat chain on postrouting and four interval sets (pure): masquerade traffic whose
 * source is in a {@code natOutgoing} pool and whose destination is in no pool, per family.
 */
final class NatRenderer {
    private static final NftBaseChain POSTROUTING = new NftBaseChain(NftBaseChain.Type.NAT,
            NftBaseChain.Hook.POSTROUTING, NftBaseChain.Priority.SRCNAT, NftBaseChain.Policy.ACCEPT);

    private NatRenderer() {
    }

    static Map<String, SetDef> sets(List<NatPool> pools) {
        Map<String, SetDef> out = new TreeMap<>();
        out.put(PolicyNames.NAT_POOLS_4, set(PolicyNames.NAT_POOLS_4, false, pools, true));
        out.put(PolicyNames.ALL_POOLS_4, set(PolicyNames.ALL_POOLS_4, false, pools, false));
        out.put(PolicyNames.NAT_POOLS_6, set(PolicyNames.NAT_POOLS_6, true, pools, true));
        out.put(PolicyNames.ALL_POOLS_6, set(PolicyNames.ALL_POOLS_6, true, pools, false));
        return out;
    }

    static Map<String, ChainDef> chain() {
        return Map.of(PolicyNames.NAT_CHAIN, new ChainDef(Optional.of(POSTROUTING), List.of(
                "ip saddr @" + PolicyNames.NAT_POOLS_4 + " ip daddr != @" + PolicyNames.ALL_POOLS_4 + " masquerade",
                "ip6 saddr @" + PolicyNames.NAT_POOLS_6 + " ip6 daddr != @" + PolicyNames.ALL_POOLS_6
                        + " masquerade")));
    }

    private static SetDef set(String name, boolean v6, List<NatPool> pools, boolean natOnly) {
        NftDataType type = v6 ? NftDataType.IPV6_ADDR : NftDataType.IPV4_ADDR;
        var elements = new TreeSet<String>();
        for (NatPool p : pools) {
            if ((RuleRenderer.familyOf(p.cidr()) == 6) == v6 && (!natOnly || p.natOutgoing())) {
                elements.add(type.canonical(p.cidr(), name));
            }
        }
        return new SetDef(NftSetSpec.set(name, type, NftSetSpec.Flag.INTERVAL), elements);
    }
}
