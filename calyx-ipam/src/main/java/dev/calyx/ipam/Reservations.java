package dev.calyx.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The reserved CIDRs of every IPReservation ({@code spec.reservedCIDRs}), which automatic assignment must never
 * hand out, and their projection onto one block as a set of ordinals.
 */
public record Reservations(List<Cidr> cidrs) {
    public static final Reservations NONE = new Reservations(List.of());

    public Reservations {
        cidrs = List.copyOf(cidrs);
    }

    public static Reservations read(KvStore kv) {
        List<Cidr> out = new ArrayList<>();
        for (KeyValue v : kv.list(IpamKeys.IPRESERVATIONS).items()) {
            JsonNode spec = IpamJson.tree(v.key(), v.value()).path("spec");
            for (JsonNode c : spec.path("reservedCIDRs")) {
                try {
                    out.add(Cidr.parse(c.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IpamException("IPReservation " + v.key() + ": reservedCIDRs: " + e.getMessage(), e);
                }
            }
        }
        return new Reservations(out);
    }

    /** Re-reads reservations per call, so a new IPReservation applies to the next assignment. */
    @FunctionalInterface
    public interface Source {
        Reservations read();
    }

    public boolean isReserved(IpAddr a) {
        return cidrs.stream().anyMatch(c -> c.contains(a));
    }

    /** Ordinals of {@code block} that fall in a reserved CIDR. */
    public BitSet ordinalsIn(Cidr block) {
        BitSet bits = new BitSet();
        int size = block.size().intValueExact();
        for (Cidr r : cidrs) {
            if (!r.overlaps(block)) {
                continue;
            }
            if (r.contains(block)) {
                bits.set(0, size);
                return bits;
            }
            int from = block.ordinalOf(r.base());
            bits.set(from, from + r.size().intValueExact());
        }
        return bits;
    }
}
