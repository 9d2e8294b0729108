package dev.calyx.ipam;

import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads and compare-and-swap writes of IPAM objects over the {@link KvStore} SPI: keys from
 * {@link IpamKeys}, JSON from {@link IpamJson}. No policy here; conflicts surface as the SPI's exceptions for the
 * callers to retry.
 *
 * <p>Thread safety: stateless apart from the store, which is thread-safe.
 */
public final class IpamStore {
    private final KvStore kv;

    public IpamStore(KvStore kv) {
        this.kv = kv;
    }

    public KvStore kv() {
        return kv;
    }

    public IpamConfig config() {
        return kv.get(IpamKeys.CONFIG).map(v -> IpamJson.read(v.key(), v.value(), IpamConfig.class))
                .orElse(IpamConfig.DEFAULT);
    }

    public void putConfig(IpamConfig c) {
        kv.put(IpamKeys.CONFIG, IpamJson.write(c.validated()));
    }

    // ---- blocks -------------------------------------------------------------------------------------------------

    public Optional<Versioned<IpamBlock>> block(Cidr cidr) {
        return kv.get(IpamKeys.block(cidr)).map(v -> decode(v, IpamBlock.class));
    }

    /** Every block of the family, skipping soft-deleted ones (Calico readers filter {@code deleted=true}). */
    public List<Versioned<IpamBlock>> blocks(IpFamily f) {
        List<Versioned<IpamBlock>> out = new ArrayList<>();
        for (KeyValue v : kv.list(IpamKeys.blocks(f)).items()) {
            Versioned<IpamBlock> b = decode(v, IpamBlock.class);
            if (!b.value().deleted()) {
                out.add(b);
            }
        }
        return out;
    }

    public List<Versioned<IpamBlock>> allBlocks() {
        List<Versioned<IpamBlock>> out = new ArrayList<>(blocks(IpFamily.V4));
        out.addAll(blocks(IpFamily.V6));
        return out;
    }

    public void createBlock(IpamBlock b) {
        kv.create(IpamKeys.block(b.network()), IpamJson.write(b), 0);
    }

    public void updateBlock(IpamBlock b, long modRevision) {
        kv.update(IpamKeys.block(b.network()), IpamJson.write(b), modRevision);
    }

    public void deleteBlock(Cidr cidr, long modRevision) {
        kv.delete(IpamKeys.block(cidr), modRevision);
    }

    // ---- affinities ---------------------------------------------------------------------------------------------

    public List<Versioned<BlockAffinity>> affinities(String node, IpFamily f) {
        return kv.list(IpamKeys.affinities(node, f)).items().stream().map(v -> decode(v, BlockAffinity.class))
                .toList();
    }

    /** Every affinity of every node (both families). */
    public List<Versioned<BlockAffinity>> allAffinities() {
        return kv.list(IpamKeys.AFFINITY_ROOT).items().stream()
                .filter(v -> IpamKeys.parseAffinity(v.key()) != null)
                .map(v -> decode(v, BlockAffinity.class)).toList();
    }

    public Optional<Versioned<BlockAffinity>> affinity(String node, Cidr cidr) {
        return kv.get(IpamKeys.affinity(node, cidr)).map(v -> decode(v, BlockAffinity.class));
    }

    public long createAffinity(String node, Cidr cidr, BlockAffinity a) {
        return kv.create(IpamKeys.affinity(node, cidr), IpamJson.write(a), 0).modRevision();
    }

    public void updateAffinity(String node, Cidr cidr, BlockAffinity a, long modRevision) {
        kv.update(IpamKeys.affinity(node, cidr), IpamJson.write(a), modRevision);
    }

    public void deleteAffinity(String node, Cidr cidr, long modRevision) {
        kv.delete(IpamKeys.affinity(node, cidr), modRevision);
    }

    // ---- handles ------------------------------------------------------------------------------------------------

    public Optional<Versioned<IpamHandle>> handle(String id) {
        return kv.get(IpamKeys.handle(id)).map(v -> decode(v, IpamHandle.class));
    }

    public List<Versioned<IpamHandle>> handles() {
        return kv.list(IpamKeys.HANDLES).items().stream().map(v -> decode(v, IpamHandle.class)).toList();
    }

    public static String handleIdOf(String key) {
        return key.substring(IpamKeys.HANDLES.length());
    }

    public void createHandle(String id, IpamHandle h) {
        kv.create(IpamKeys.handle(id), IpamJson.write(h), 0);
    }

    public void updateHandle(String id, IpamHandle h, long modRevision) {
        kv.update(IpamKeys.handle(id), IpamJson.write(h), modRevision);
    }

    public void deleteHandle(String id, long modRevision) {
        kv.delete(IpamKeys.handle(id), modRevision);
    }

    private static <T> Versioned<T> decode(KeyValue v, Class<T> type) {
        return new Versioned<>(v.key(), IpamJson.read(v.key(), v.value(), type), v.modRevision());
    }
}
