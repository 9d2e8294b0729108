package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A block's internal invariants: every ordinal either allocated or listed free (once), indices in range. */
final class BlockAudit {
    private BlockAudit() {}

    static List<Finding> inconsistencies(IpamBlock b) {
        List<String> problems = new ArrayList<>();
        int size;
        try {
            size = b.network().size().intValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            return List.of(bad(b, "unusable CIDR: " + e.getMessage()));
        }
        if (b.allocations().size() != size) {
            problems.add("allocations has " + b.allocations().size() + " entries for " + size + " addresses");
        }
        BitSet free = new BitSet();
        for (int ord : b.unallocated()) {
            if (ord < 0 || ord >= b.allocations().size()) {
                problems.add("unallocated lists ordinal " + ord + ", out of range");
            } else if (free.get(ord)) {
                problems.add("unallocated lists ordinal " + ord + " twice");
            } else {
                free.set(ord);
            }
        }
        for (int ord = 0; ord < b.allocations().size(); ord++) {
            Integer idx = b.allocations().get(ord);
            if (idx != null && free.get(ord)) {
                problems.add("ordinal " + ord + " is both allocated and listed free");
            } else if (idx == null && !free.get(ord)) {
                problems.add("ordinal " + ord + " is neither allocated nor listed free (lost)");
            }
            if (idx != null && (idx < 0 || idx >= b.attributes().size())) {
                problems.add("ordinal " + ord + " points at attribute " + idx + ", which does not exist");
            }
        }
        return problems.isEmpty() ? List.of() : List.of(bad(b, String.join("; ", problems)));
    }

    private static Finding bad(IpamBlock b, String detail) {
        return new Finding(Finding.Kind.BLOCK_INCONSISTENT, null, b.cidr(), null, b.hostAffinity(), null, null, detail);
    }
}
