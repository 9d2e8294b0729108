package dev.calyx.ipam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the "no addresses left" message: per usable pool, how many of its blocks are claimed and how many free
 * addresses those blocks still hold, then the node's block count against maxBlocksPerHost and whether borrowing
 * was allowed. Everything the operator needs to tell "pool full" from "host limit" from "strict affinity".
 */
final class ExhaustionReport {
    private ExhaustionReport() {}

    static String describe(IpamStore store, AssignRequest req, IpFamily family, int want, int got,
                           List<PoolSpec> pools, IpamConfig config, int affineBlocks, boolean hitHostLimit,
                           Reservations reservations) {
        List<IpamBlock> blocks = store.blocks(family).stream().map(Versioned::value).toList();
        List<String> parts = new ArrayList<>();
        for (PoolSpec p : pools) {
            List<IpamBlock> in = blocks.stream().filter(b -> p.cidr().contains(b.network())).toList();
            long free = in.stream().mapToLong(b -> freeAddresses(b, reservations)).sum();
            BigInteger total = p.blockCount();
            String claimed = BigInteger.valueOf(in.size()).equals(total)
                    ? total + " blocks all claimed" : in.size() + " of " + total + " blocks claimed";
            parts.add("pool " + p.describe() + ": " + claimed + ", " + free + " free addresses in them");
        }
        String host = "node " + req.node() + " holds " + affineBlocks + " blocks (maxBlocksPerHost "
                + config.effectiveMaxBlocksPerHost() + (hitHostLimit ? ", reached" : "") + ")";
        String borrow = config.strictAffinity() ? "borrowing disabled (strictAffinity=true)"
                : "borrowing allowed but no block had room";
        String autoAlloc = config.autoAllocateBlocks() ? "" : "; autoAllocateBlocks=false";
        return "no addresses left: " + String.join("; ", parts) + "; " + host + "; " + borrow + autoAlloc
                + " (wanted " + want + " " + family.display() + " for handle " + req.handleId() + ", found " + got
                + ", given back)";
    }

    static long freeAddresses(IpamBlock b, Reservations reservations) {
        java.util.BitSet reserved = reservations.ordinalsIn(b.network());
        long n = 0;
        for (int i = 0; i < b.allocations().size(); i++) {
            if (b.allocations().get(i) == null && !reserved.get(i)) {
                n++;
            }
        }
        return n;
    }
}
