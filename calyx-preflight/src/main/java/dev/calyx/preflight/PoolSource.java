package dev.calyx.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pools a preflight run checks: those given with {@code --pool} and the {@code IPPool} resources of the
 * datastore, or calyx's default pool when there are none. Datastore pools are read as raw JSON (only
 * {@code spec.cidr} and {@code spec.disabled} matter here) so this does not depend on the model classes.
 */
public final class PoolSource {
    public static final String IPPOOL_PREFIX = "/calico/resources/v3/projectcalico.org/ippools/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pool and where it came from ("--pool", "IPPool default-ipv4-ippool", "default"). */
    public record Pool(IpPrefix cidr, String origin, boolean disabled) {}

    private PoolSource() {}

    /** Reads every IPPool under {@link #IPPOOL_PREFIX}; a malformed one is an error naming its key. */
    public static List<Pool> fromDatastore(KvStore store) {
        List<Pool> pools = new ArrayList<>();
        for (KeyValue kv : store.list(IPPOOL_PREFIX).items()) {
            JsonNode spec;
            try {
                spec = JSON.readTree(kv.value()).path("spec");
            } catch (IOException e) {
                throw new IllegalArgumentException("IPPool " + kv.key() + ": not valid JSON: " + e.getMessage(), e);
            }
            String cidr = spec.path("cidr").asText("");
            if (cidr.isEmpty()) {
                throw new IllegalArgumentException("IPPool " + kv.key() + ": spec.cidr missing");
            }
            String name = kv.key().substring(IPPOOL_PREFIX.length());
            pools.add(new Pool(IpPrefix.parse(cidr), "IPPool " + name, spec.path("disabled").asBoolean(false)));
        }
        return pools;
    }

    /** The command-line pools plus datastore pools, or the default pool when both are empty. */
    public static List<Pool> combine(List<IpPrefix> flagPools, List<Pool> datastorePools) {
        List<Pool> all = new ArrayList<>();
        flagPools.forEach(p -> all.add(new Pool(p, "--pool", false)));
        all.addAll(datastorePools);
        if (all.isEmpty()) {
            all.add(new Pool(PreflightContext.DEFAULT_POOL, "default", false));
        }
        return all;
    }
}
