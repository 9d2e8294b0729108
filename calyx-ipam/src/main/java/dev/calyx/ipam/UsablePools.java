package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 2 of AutoAssign: the pools a request may draw from, in pool order. When none is usable the error lists
 * every pool of the family and why it was passed over, because "no pool" is otherwise a mystery to the user.
 */
final class UsablePools {
    private final PoolSource pools;
    private final NodeDirectory nodes;
    private final NodeSelectorMatcher selectors;

    UsablePools(PoolSource pools, NodeDirectory nodes, NodeSelectorMatcher selectors) {
        this.pools = pools;
        this.nodes = nodes;
        this.selectors = selectors;
    }

    List<PoolSpec> select(AssignRequest req, IpFamily family) {
        List<PoolSpec> ofFamily = pools.pools().stream().filter(p -> p.family() == family).toList();
        for (String wanted : req.poolNames()) {
            if (pools.pools().stream().noneMatch(p -> p.name().equals(wanted))) {
                throw new IpamException("assign for handle " + req.handleId() + ": IPPool " + wanted
                        + " does not exist");
            }
        }
        Map<String, String> labels = nodes.labels(req.node());
        List<PoolSpec> usable = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (PoolSpec p : ofFamily) {
            String reason = rejection(p, req, labels);
            if (reason == null) {
                usable.add(p);
            } else if (!reason.isEmpty()) {
                why.add("pool " + p.describe() + " " + reason);
            }
        }
        if (usable.isEmpty()) {
            throw new IpamExhaustedException("no " + family.display() + " pool usable for node " + req.node()
                    + " (use " + req.use() + ")" + (why.isEmpty() ? ": no " + family.display() + " IPPool exists"
                    : ": " + String.join("; ", why)));
        }
        return usable;
    }

    /** Why the pool is not usable; null if it is, "" if it was simply not asked for. */
    private String rejection(PoolSpec p, AssignRequest req, Map<String, String> labels) {
        if (!req.poolNames().isEmpty() && !req.poolNames().contains(p.name())) {
            return "";
        }
        if (p.disabled()) {
            return "is disabled";
        }
        if (!p.allowedUses().contains(req.use())) {
            return "does not allow use " + req.use() + " (allowedUses " + p.allowedUses() + ")";
        }
        boolean selected;
        try {
            selected = selectors.matches(p.nodeSelector(), labels);
        } catch (IllegalArgumentException e) {
            throw new IpamException("IPPool " + p.name() + ": nodeSelector: " + e.getMessage(), e);
        }
        if (!selected) {
            return "nodeSelector " + p.nodeSelector() + " does not select node " + req.node() + " (labels "
                    + labels + ")";
        }
        return null;
    }
}
