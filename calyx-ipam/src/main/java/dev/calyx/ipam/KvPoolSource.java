package dev.calyx.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads IPPool resources as raw JSON from {@code /calico/resources/v3/projectcalico.org/ippools/<name>} and applies
 * Calico's defaults ({@code convertIpPoolFromStorage}): blockSize 26/122, nodeSelector {@code all()}, allowedUses
 * [Workload, Tunnel]. A malformed pool is an error naming its key, not a silently skipped pool.
 */
public final class KvPoolSource implements PoolSource {
    private final KvStore kv;

    public KvPoolSource(KvStore kv) {
        this.kv = kv;
    }

    @Override
    public List<PoolSpec> pools() {
        List<PoolSpec> out = new ArrayList<>();
        for (KeyValue v : kv.list(IpamKeys.IPPOOLS).items()) {
            out.add(parse(v.key(), v.value()));
        }
        return out;
    }

    static PoolSpec parse(String key, byte[] json) {
        JsonNode root = IpamJson.tree(key, json);
        JsonNode spec = root.path("spec");
        String name = root.path("metadata").path("name").asText(key.substring(key.lastIndexOf('/') + 1));
        try {
            Cidr cidr = Cidr.parse(spec.path("cidr").asText());
            int blockSize = spec.path("blockSize").asInt(0);
            if (blockSize == 0) {
                blockSize = cidr.family().defaultBlockSize();
            }
            Set<AllowedUse> uses = EnumSet.noneOf(AllowedUse.class);
            for (JsonNode u : spec.path("allowedUses")) {
                uses.add(AllowedUse.valueOf(u.asText()));
            }
            return new PoolSpec(name, cidr, blockSize, spec.path("nodeSelector").asText(""),
                    spec.path("disabled").asBoolean(false), uses);
        } catch (IllegalArgumentException e) {
            throw new IpamException("IPPool " + key + ": " + e.getMessage(), e);
        }
    }
}
