package dev.calyx.ipam;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.calyx.datastore.KvStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * When {@link IpamGc} first saw each current finding, kept in the datastore at
 * {@code /calyx/ipam/v1/gc-ledger/<scope>} so the grace period spans runs and restarts (a leak must be seen for the
 * whole grace period, however many times GC ran meanwhile). Findings that disappear are forgotten, so a problem
 * that comes back starts a new grace period.
 *
 * <p>Thread safety: one GC per scope at a time (the agent for its node, the controller for the cluster).
 */
final class GcLedger {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final KvStore kv;
    private final String key;

    GcLedger(KvStore kv, String scope) {
        this.kv = kv;
        this.key = IpamKeys.GC_LEDGER + scope;
    }

    Map<String, Instant> read() {
        return kv.get(key).map(v -> {
            try {
                Map<String, String> raw = IpamJson.MAPPER.readValue(v.value(), STRING_MAP);
                Map<String, Instant> out = new TreeMap<>();
                raw.forEach((id, t) -> out.put(id, Instant.parse(t)));
                return out;
            } catch (IOException | RuntimeException e) {
                // A corrupt ledger only restarts grace periods: safe, so do not fail GC over it.
                return new TreeMap<String, Instant>();
            }
        }).orElseGet(TreeMap::new);
    }

    void write(Map<String, Instant> firstSeen) {
        Map<String, String> raw = new TreeMap<>();
        firstSeen.forEach((id, t) -> raw.put(id, t.toString()));
        kv.put(key, IpamJson.write(raw));
    }
}
