package dev.calyx.ipam;

import dev.calyx.ipam.Finding.Kind;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Read-only audit of IPAM state (calicoctl's {@code ipam check}, with more checks): leaked allocations (owner
 * gone, see {@link OwnerIndex}), orphaned affinities (node gone), orphaned handles, handle counts that disagree
 * with blocks, allocations without a handle, addresses allocated twice, and internally inconsistent blocks.
 *
 * <h2>Design</h2>
 * One pass over a snapshot: list blocks, handles, affinities, nodes and endpoints, then cross-check them in
 * memory. Nothing is written. The snapshot is not atomic across prefixes, so a check racing live allocators can
 * report a transient mismatch; {@link IpamGc} therefore acts only on findings that persist for a grace period and
 * re-validates each one (sequence numbers) before touching it.
 */
public final class IpamCheck {
    private final IpamStore store;
    private final NodeDirectory nodes;
    private final InstantSource clock;

    public IpamCheck(IpamStore store, InstantSource clock) {
        this.store = store;
        this.nodes = new NodeDirectory(store.kv());
        this.clock = clock;
    }

    public IpamReport run() {
        long revision = store.kv().currentRevision();
        List<Versioned<IpamBlock>> blocks = store.allBlocks();
        List<Versioned<IpamHandle>> handles = store.handles();
        List<Versioned<BlockAffinity>> affinities = store.allAffinities();
        OwnerIndex owners = new OwnerIndex(store.kv(), nodes);
        Map<String, IpamHandle> handleById = new HashMap<>();
        handles.forEach(h -> handleById.put(IpamStore.handleIdOf(h.key()), h.value()));

        List<Finding> findings = new ArrayList<>();
        Map<String, Map<String, Integer>> actual = new HashMap<>(); // handle -> block -> count
        Map<IpAddr, String> seenIn = new HashMap<>();
        int allocations = 0;
        for (Versioned<IpamBlock> vb : blocks) {
            IpamBlock b = vb.value();
            findings.addAll(BlockAudit.inconsistencies(b));
            for (int ord = 0; ord < b.allocations().size(); ord++) {
                AllocationAttribute attr = b.attributeOf(ord);
                if (b.allocations().get(ord) == null || attr == null) {
                    continue;
                }
                allocations++;
                IpAddr ip = b.network().address(ord);
                String other = seenIn.putIfAbsent(ip, b.cidr());
                if (other != null) {
                    findings.add(new Finding(Kind.DUPLICATE_ADDRESS, ip.toString(), b.cidr(), attr.handleId(), null,
                            attr.activeOwnerAttrs(), null, "also allocated in block " + other));
                }
                if (attr.handleId() != null) {
                    actual.computeIfAbsent(attr.handleId(), k -> new HashMap<>()).merge(b.cidr(), 1, Integer::sum);
                }
                findings.addAll(allocationFindings(b, ord, ip, attr, handleById, owners));
            }
        }
        findings.addAll(handleFindings(handleById, actual, blocks));
        findings.addAll(affinityFindings(affinities, blocks, owners));
        return new IpamReport(IpamReport.VERSION, clock.instant().toString(), revision, blocks.size(), allocations,
                handles.size(), affinities.size(), findings);
    }

    private static List<Finding> allocationFindings(IpamBlock b, int ord, IpAddr ip, AllocationAttribute attr,
                                                    Map<String, IpamHandle> handles, OwnerIndex owners) {
        IpamHandle h = attr.handleId() == null ? null : handles.get(attr.handleId());
        boolean handleNamesBlock = h != null && h.block().containsKey(b.cidr());
        Map<String, String> attrs = attr.activeOwnerAttrs();
        String node = attrs.getOrDefault("node", b.hostAffinity());
        long seq = b.sequenceNumberOf(ord);
        String why = owners.whyLeaked(ip, attrs, attr.handleId(), handleNamesBlock);
        if (why != null) {
            return List.of(new Finding(Kind.LEAKED_ALLOCATION, ip.toString(), b.cidr(), attr.handleId(), node, attrs,
                    seq, why));
        }
        if (!handleNamesBlock) {
            return List.of(new Finding(Kind.ALLOCATION_WITHOUT_HANDLE, ip.toString(), b.cidr(), attr.handleId(), node,
                    attrs, seq, h == null ? "handle record missing" : "handle does not name block " + b.cidr()));
        }
        return List.of();
    }

    private static List<Finding> handleFindings(Map<String, IpamHandle> handles,
                                                Map<String, Map<String, Integer>> actual,
                                                List<Versioned<IpamBlock>> blocks) {
        Map<String, String> hostOf = new HashMap<>();
        blocks.forEach(b -> {
            if (b.value().hostAffinity() != null) {
                hostOf.put(b.value().cidr(), b.value().hostAffinity());
            }
        });
        List<Finding> out = new ArrayList<>();
        handles.forEach((id, h) -> {
            Map<String, Integer> real = actual.getOrDefault(id, Map.of());
            if (real.isEmpty()) {
                String node = h.block().keySet().stream().map(hostOf::get).filter(Objects::nonNull).findFirst()
                        .orElse(null);
                out.add(new Finding(Kind.ORPHANED_HANDLE, null, null, id, node, null, null,
                        "no allocation carries this handle (it counts " + h.total() + ")"));
                return;
            }
            for (Map.Entry<String, Integer> e : h.block().entrySet()) {
                int n = real.getOrDefault(e.getKey(), 0);
                if (n != e.getValue()) {
                    out.add(new Finding(Kind.HANDLE_COUNT_MISMATCH, null, e.getKey(), id, hostOf.get(e.getKey()),
                            null, null,
                            "handle counts " + e.getValue() + ", block holds " + (n == 0 ? "none" : n)));
                }
            }
        });
        return out;
    }

    private static List<Finding> affinityFindings(List<Versioned<BlockAffinity>> affinities,
                                                  List<Versioned<IpamBlock>> blocks, OwnerIndex owners) {
        Map<String, IpamBlock> blockByCidr = new HashMap<>();
        blocks.forEach(b -> blockByCidr.put(b.value().cidr(), b.value()));
        List<Finding> out = new ArrayList<>();
        Set<String> affinityKeys = new java.util.HashSet<>();
        for (Versioned<BlockAffinity> a : affinities) {
            IpamKeys.AffinityKey k = IpamKeys.parseAffinity(a.key());
            String cidr = k.cidr().toString();
            affinityKeys.add(k.node() + "|" + cidr);
            IpamBlock b = blockByCidr.get(cidr);
            if (!owners.nodeExists(k.node())) {
                out.add(new Finding(Kind.ORPHANED_AFFINITY, null, cidr, null, k.node(), null, null,
                        "node does not exist; block " + (b == null ? "missing" : b.inUse() + " addresses in use")));
            } else if (b != null && !Objects.equals(b.hostAffinity(), k.node())) {
                out.add(new Finding(Kind.BLOCK_INCONSISTENT, null, cidr, null, k.node(), null, null,
                        "affinity key names node " + k.node() + " but the block's affinity is " + b.affinity()));
            }
        }
        for (IpamBlock b : blockByCidr.values()) {
            String host = b.hostAffinity();
            if (host != null && !affinityKeys.contains(host + "|" + b.cidr())) {
                out.add(new Finding(Kind.BLOCK_INCONSISTENT, null, b.cidr(), null, host, null, null,
                        "block is affine to " + host + " but that node has no affinity key for it"));
            }
        }
        return out;
    }
}
