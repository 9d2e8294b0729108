package dev.calyx.ipam;

import dev.calyx.datastore.KvStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPAM API the CNI plugin, the node agent and the CLI call: Calico's block IPAM
 * ({@code libcalico-go/lib/ipam}) over any {@link KvStore}, with the same objects at the same keys.
 *
 * <h2>Model</h2>
 * Pools are cut into blocks (/26 by default); a node claims blocks (affinity) and hands out addresses from them;
 * every address belongs to a handle (one per pod interface, e.g. {@code k8s-pod-network.<containerID>}) so DEL can
 * release by handle. See {@link AutoAssigner} for the algorithm, {@link BlockClaimer} for the two-phase claim,
 * {@link Releaser} for release, {@link IpamCheck}/{@link IpamGc} for leak detection and repair.
 *
 * <h2>Consistency</h2>
 * Every write is a compare-and-swap on the key's modRevision, retried from a fresh read on conflict (bounded:
 * {@link IpamConflictException}). Several processes on several nodes may use one store concurrently: no address is
 * handed out twice because each block is updated atomically.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; holds no mutable state of its own.
 */
public final class IpamClient {
    private final IpamStore store;
    private final Reservations.Source reservations;
    private final AutoAssigner autoAssigner;
    private final BlockAssigner blockAssigner;
    private final BlockClaimer claimer;
    private final Releaser releaser;
    private final PoolSource pools;

    public IpamClient(KvStore kv, PoolSource pools, NodeSelectorMatcher selectors, InstantSource clock) {
        this.store = new IpamStore(kv);
        this.pools = pools;
        this.reservations = () -> Reservations.read(kv);
        HandleCounter handles = new HandleCounter(store);
        this.claimer = new BlockClaimer(store, clock);
        this.blockAssigner = new BlockAssigner(store, handles);
        this.releaser = new Releaser(store, handles);
        this.autoAssigner = new AutoAssigner(store, new UsablePools(pools, new NodeDirectory(kv), selectors), claimer,
                blockAssigner, releaser, new EmptyBlockReclaimer(store, clock));
    }

    /** Pools from IPPool resources in the store, Calico's selector subset, the system clock. */
    public static IpamClient over(KvStore kv) {
        return new IpamClient(kv, new KvPoolSource(kv), new CalicoNodeSelector(), InstantSource.system());
    }

    public IpamStore store() {
        return store;
    }

    /**
     * Assigns {@code num4} IPv4 and {@code num6} IPv6 addresses. All or nothing: if one family cannot be satisfied,
     * what was taken for the other is released and {@link IpamExhaustedException} says what is full.
     */
    public AssignResult assign(AssignRequest req) {
        return NodeAssignLock.with(req.node(), () -> assignLocked(req));
    }

    private AssignResult assignLocked(AssignRequest req) {
        Reservations res = reservations.read();
        List<IpAddr> v4 = req.num4() == 0 ? List.of() : autoAssigner.assign(req, IpFamily.V4, req.num4(), res);
        List<IpAddr> v6;
        try {
            v6 = req.num6() == 0 ? List.of() : autoAssigner.assign(req, IpFamily.V6, req.num6(), res);
        } catch (RuntimeException e) {
            releaser.releaseQuietly(v4);
            throw e;
        }
        return new AssignResult(v4, v6);
    }

    /**
     * Assigns one specific address (Calico's {@code AssignIP}). Its pool must exist; if its block does not exist
     * yet, it is claimed for {@code node}. Fails with {@link AddressInUseException} if taken or reserved.
     */
    public void assignIp(IpAddr ip, String handleId, String node, Map<String, String> attrs) {
        AssignRequest.requireName("handleId", handleId);
        AssignRequest.requireName("node", node);
        PoolSpec pool = pools.pools().stream().filter(p -> p.cidr().contains(ip)).findFirst()
                .orElseThrow(() -> new IpamException("assign " + ip + ": no IPPool contains it"));
        if (reservations.read().isReserved(ip)) {
            throw new AddressInUseException("assign " + ip + ": reserved by an IPReservation");
        }
        Cidr block = Cidr.containing(ip, pool.blockSize());
        if (store.block(block).isEmpty()) {
            claimer.claim(node, block); // false = another node won the race: the block exists either way
        }
        if (!blockAssigner.assignOrdinal(block, block.ordinalOf(ip), handleId, attrs == null ? Map.of() : attrs)) {
            String owner = store.block(block).map(b -> b.value().attributeOf(block.ordinalOf(ip)))
                    .map(AllocationAttribute::handleId).orElse("?");
            throw new AddressInUseException("assign " + ip + ": already allocated to handle " + owner);
        }
    }

    /**
     * The node's tunnel address of this kind, allocating it on first call (idempotent, like calico-node's
     * allocateip: an existing allocation under the tunnel handle is kept).
     */
    public IpAddr ensureTunnelAddress(TunnelAddress kind, String node) {
        return NodeAssignLock.with(node, () -> {
            List<IpAddr> existing = ipsByHandle(kind.handle(node));
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            return assignLocked(kind.request(node)).all().getFirst();
        });
    }

    /** Releases addresses; see {@link ReleaseOptions} for the handle / sequence-number guards. */
    public ReleaseResult release(List<ReleaseOptions> requests) {
        return releaser.release(requests);
    }

    public ReleaseResult releaseIps(IpAddr... ips) {
        List<ReleaseOptions> rs = new ArrayList<>();
        for (IpAddr ip : ips) {
            rs.add(ReleaseOptions.of(ip));
        }
        return release(rs);
    }

    /** Releases every address of the handle (CNI DEL); idempotent: an unknown handle releases nothing. */
    public List<IpAddr> releaseByHandle(String handleId) {
        return releaser.releaseByHandle(handleId);
    }

    /** Addresses currently allocated to the handle, found through the handle's blocks. */
    public List<IpAddr> ipsByHandle(String handleId) {
        List<IpAddr> out = new ArrayList<>();
        Optional<Versioned<IpamHandle>> h = store.handle(handleId);
        if (h.isEmpty()) {
            return out;
        }
        for (String c : h.get().value().block().keySet()) {
            Cidr cidr = Cidr.parse(c);
            store.block(cidr).ifPresent(b -> new MutableBlock(b.value()).ordinalsOf(handleId)
                    .forEach(o -> out.add(cidr.address(o))));
        }
        return out;
    }

    /** Where an address stands: its block and, if allocated, its attribute and sequence number. */
    public Optional<AddressInfo> lookup(IpAddr ip) {
        for (Versioned<IpamBlock> b : store.blocks(ip.family())) {
            Cidr cidr = b.value().network();
            if (cidr.contains(ip)) {
                int ord = cidr.ordinalOf(ip);
                return Optional.of(new AddressInfo(ip, cidr, b.value().affinity(), b.value().attributeOf(ord),
                        b.value().sequenceNumberOf(ord)));
            }
        }
        return Optional.empty();
    }

    public IpamConfig config() {
        return store.config();
    }

    public void setConfig(IpamConfig config) {
        store.putConfig(config);
    }

    /** An address's place in IPAM; {@code attribute} null = free. */
    public record AddressInfo(IpAddr ip, Cidr block, String affinity, AllocationAttribute attribute,
                              long sequenceNumber) {}
}
