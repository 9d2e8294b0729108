package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftChain;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftElement;
import dev.calyx.kernel.nft.NftSet;
import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTableContent;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites the applied picture from a listing of the table, for resync (see {@link PolicyManager}).
 */
final class KernelPicture {
    /** Stands for "rules we did not write": never equal to a rendered chain, so the chain is rebuilt. */
    private static final List<String> UNKNOWN_RULES = List.of("# changed outside calyx");

    private KernelPicture() {
    }

    /** Returns true when the dispatch maps are missing and the table bootstrap must run again. */
    static boolean read(NftTableContent listed, TableState applied) {
        Set<String> listedChains = new HashSet<>();
        for (NftChain chain : listed.chains()) {
            listedChains.add(chain.name());
            ChainDef had = applied.chains.get(chain.name());
            int count = listed.rules(chain.name()).size();
            if (had == null || had.rules().size() != count || had.base().isPresent() != chain.base().isPresent()) {
                applied.chains.put(chain.name(), new ChainDef(chain.base(), UNKNOWN_RULES));
            }
        }
        applied.chains.keySet().retainAll(listedChains);

        boolean mapsMissing = false;
        mapsMissing |= readMap(listed, PolicyNames.FROM_WORKLOAD_MAP, applied.fromWorkload);
        mapsMissing |= readMap(listed, PolicyNames.TO_WORKLOAD_MAP, applied.toWorkload);

        Set<String> listedSets = new HashSet<>();
        for (NftSet set : listed.sets()) {
            if (set.map()) {
                continue;
            }
            listedSets.add(set.name());
            NftSetSpec spec = applied.setSpecs.getOrDefault(set.name(),
                    NftSetSpec.set(set.name(), set.keyType().equals("ipv6_addr") ? NftDataType.IPV6_ADDR
                            : NftDataType.IPV4_ADDR));
            applied.setSpecs.put(set.name(), spec);
            applied.elements.put(set.name(), new TreeSet<>(set.elementKeys()));
        }
        applied.setSpecs.keySet().retainAll(listedSets);
        applied.elements.keySet().retainAll(listedSets);
        return mapsMissing;
    }

    private static boolean readMap(NftTableContent listed, String name, Map<String, String> applied) {
        applied.clear();
        var map = listed.set(name);
        if (map.isEmpty()) {
            return true;
        }
        for (NftElement e : map.get().elements()) {
            String value = e.value().orElse("");
            applied.put(e.key(), value.startsWith("jump ") ? value.substring(5).strip() : value);
        }
        return false;
    }
}
