package dev.calyx.agent.pod;

import dev.calyx.agent.cni.CniErrorCodes;
import dev.calyx.agent.cni.CniException;
import dev.calyx.agent.cni.CniHandler;
import dev.calyx.agent.cni.CniRequest;
import dev.calyx.agent.cni.CniResult;
import dev.calyx.agent.cni.NetConf;
import dev.calyx.agent.loop.LocalDataplane;
import dev.calyx.cni.wire.CniError;
import dev.calyx.dataplane.endpoint.EndpointException;
import dev.calyx.dataplane.endpoint.EndpointRef;
import dev.calyx.dataplane.endpoint.EndpointSpec;
import dev.calyx.dataplane.endpoint.WiredEndpoint;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.NetnsException;
import dev.calyx.model.WorkloadEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent's CNI semantics, Calico's (calico.md §1.3-1.7) on calyx's parts.
 *
 * <p>ADD: identity from CNI_ARGS ({@link WorkloadIdentity}); a second ADD for an attached (containerID, ifname) is
 * refused and leaves the first intact; addresses from {@link PodAddresses}; the endpoint wired through the
 * {@link LocalDataplane} (which returns only once it is programmed); the WorkloadEndpoint written last. Every step
 * after IPAM is undone when a later one fails, so a failed ADD leaks neither an address nor a veth nor a resource.
 *
 * <p>DEL: idempotent and stateless apart from the datastore: unwire (a missing netns is fine), release by handle,
 * delete the WorkloadEndpoint. A WorkloadEndpoint that now belongs to another container (the pod was re-created
 * under the same name) is left alone with its veth; only this container's addresses are released.
 *
 * <p>Thread safety: requests run concurrently on virtual threads; the dataplane serialises itself and the datastore
 * is CAS-safe, and requests for the same attachment run one after the other ({@link AttachmentLocks}): a DEL that
 * arrives while its ADD is still running (the runtime gave up on the ADD) waits for it and then undoes it.
 */
public final class AgentCniHandler implements CniHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCniHandler.class);
    private final String node;
    private final PodAddresses addresses;
    private final WorkloadEndpoints endpoints;
    private final LocalDataplane dataplane;
    private final IntSupplier workloadMtu;
    private final PoolStatus status;
    private final AttachmentLocks locks = new AttachmentLocks();

    /** STATUS's question to the datastore: can ADD get an address? Throws a code-50 CniException if not. */
    @FunctionalInterface
    public interface PoolStatus {
        void requireUsablePool();
    }

    public AgentCniHandler(String node, PodAddresses addresses, WorkloadEndpoints endpoints, LocalDataplane dataplane,
                           IntSupplier workloadMtu, PoolStatus status) {
        this.node = node;
        this.addresses = addresses;
        this.endpoints = endpoints;
        this.dataplane = dataplane;
        this.workloadMtu = workloadMtu;
        this.status = status;
    }

    @Override
    public CniResult add(CniRequest request) {
        WorkloadIdentity id = WorkloadIdentity.of(request);
        return exclusive(id, () -> {
            refuseIfAttached(id);
            requireNetns(request);
            return addExclusive(request, id);
        });
    }

    private CniResult addExclusive(CniRequest request, WorkloadIdentity id) {
        long t0 = System.nanoTime();
        PodAddresses.Assigned assigned = datastore("assign addresses", () -> addresses.assign(request, id));
        WiredEndpoint wired = null;
        boolean written = false;
        try {
            EndpointSpec spec = spec(request, id, assigned.addresses());
            long t1 = System.nanoTime();
            wired = dataplane.add(spec);
            WiredEndpoint done = wired;
            long t2 = System.nanoTime();
            WorkloadEndpoint wep = datastore("write WorkloadEndpoint",
                    () -> endpoints.write(id, done, assigned.addresses()));
            written = true;
            dataplane.awaitProgrammed(wep);
            long t3 = System.nanoTime();
            LOG.info("ADD {} ({}/{}): {} on {} in {} ms (IPAM {}, dataplane {}, WorkloadEndpoint {})", id.attachment(),
                    id.namespace(), id.workload(), assigned.addresses().stream().map(PodResults::text).toList(),
                    wired.hostVethName(), ms(t3 - t0), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2));
            return PodResults.of(wired, assigned.addresses());
        } catch (RuntimeException e) {
            if (written) {
                forgetEndpoint(id, e);
            }
            rollback(request, id, wired, e);
            throw asCni(e, "ADD " + id.attachment());
        }
    }

    private void forgetEndpoint(WorkloadIdentity id, RuntimeException failure) {
        try {
            endpoints.delete(id);
            dataplane.endpointRemoved(id.namespace(), id.endpointName(node));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void rollback(CniRequest request, WorkloadIdentity id, WiredEndpoint wired, RuntimeException failure) {
        LOG.warn("ADD {} failed, rolling back: {}", id.attachment(), failure.getMessage());
        if (wired != null) {
            try {
                dataplane.delete(new EndpointRef(wired.hostVethName(), id.ifName(), Optional.of(wired.netnsPath())));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        try {
            addresses.release(request, id);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private EndpointSpec spec(CniRequest request, WorkloadIdentity id, List<IpPrefix> ips) {
        int mtu = request.conf().mtu() > 0 ? request.conf().mtu() : workloadMtu.getAsInt();
        boolean forwarding = request.conf().raw().path("container_settings").path("allow_ip_forwarding")
                .asBoolean(false);
        return EndpointSpec.of(id.hostVethName(), id.ifName(), Path.of(request.netns()), ips).mtu(mtu)
                .allowIpForwarding(forwarding);
    }

    private void refuseIfAttached(WorkloadIdentity id) {
        Optional<WorkloadEndpoint> existing = datastore("read WorkloadEndpoint", () -> endpoints.find(id));
        if (existing.isPresent() && id.containerId().equals(existing.get().spec().containerID())) {
            throw new CniException(CniErrorCodes.ALREADY_ATTACHED, "container " + id.containerId()
                    + " already has interface " + id.ifName() + " on network " + id.network(),
                    "WorkloadEndpoint " + existing.get().metadata().name() + "; DEL it first");
        }
    }

    private static void requireNetns(CniRequest request) {
        if (!Files.exists(Path.of(request.netns()))) {
            throw new CniException(CniErrorCodes.NETNS_NOT_FOUND, "network namespace " + request.netns()
                    + " does not exist", "CNI_NETNS of container " + request.containerId());
        }
    }

    @Override
    public void del(CniRequest request) {
        WorkloadIdentity id = WorkloadIdentity.of(request);
        exclusive(id, () -> {
            delExclusive(request, id);
            return null;
        });
    }

    private void delExclusive(CniRequest request, WorkloadIdentity id) {
        long t0 = System.nanoTime();
        Optional<WorkloadEndpoint> wep = datastore("read WorkloadEndpoint", () -> endpoints.find(id));
        boolean ours = wep.isEmpty() || id.containerId().equals(wep.get().spec().containerID());
        if (ours) {
            String veth = wep.map(w -> w.spec().interfaceName()).filter(n -> n != null && !n.isEmpty())
                    .orElse(id.hostVethName());
            Optional<Path> netns = request.netns().isEmpty() ? Optional.empty() : Optional.of(Path.of(request.netns()));
            try {
                dataplane.delete(new EndpointRef(veth, id.ifName(), netns));
            } catch (EndpointException | NetnsException e) {
                throw asCni(e, "DEL " + id.attachment());
            }
        } else {
            LOG.info("DEL {}: WorkloadEndpoint {} belongs to container {} now; leaving it and its veth",
                    id.attachment(), wep.get().metadata().name(), wep.get().spec().containerID());
        }
        datastore("release addresses", () -> {
            addresses.release(request, id);
            return null;
        });
        if (ours) {
            datastore("delete WorkloadEndpoint", () -> endpoints.delete(id));
            dataplane.endpointRemoved(id.namespace(), id.endpointName(node));
        }
        LOG.info("DEL {} ({}/{}) done in {} ms", id.attachment(), id.namespace(), id.workload(),
                ms(System.nanoTime() - t0));
    }

    @Override
    public void check(CniRequest request) {
        WorkloadIdentity id = WorkloadIdentity.of(request);
        WorkloadEndpoint wep = datastore("read WorkloadEndpoint", () -> endpoints.find(id))
                .filter(w -> id.containerId().equals(w.spec().containerID()))
                .orElseThrow(() -> new CniException(CniError.UNKNOWN_CONTAINER, "no WorkloadEndpoint for "
                        + id.attachment(), "expected " + id.endpointName(node)));
        List<IpPrefix> ips = wep.spec().ipNetworks().stream().map(IpPrefix::parse).toList();
        List<String> problems = new ArrayList<>(dataplane.check(EndpointSpec.of(wep.spec().interfaceName(),
                id.ifName(), Path.of(request.netns()), ips)).problems());
        if (PodAddresses.inProcess(request.conf())) {
            Set<String> held = new HashSet<>();
            addresses.held(request, id).forEach(a -> held.add(a.toString()));
            Set<String> recorded = new HashSet<>();
            ips.forEach(p -> recorded.add(dev.calyx.ipam.IpAddr.of(p.address()).toString()));
            if (!held.equals(recorded)) {
                problems.add("IPAM handle " + id.ipamHandle() + " holds " + held + " but the WorkloadEndpoint records "
                        + recorded);
            }
        }
        if (!problems.isEmpty()) {
            throw new CniException(CniError.INTERNAL, "attachment " + id.attachment() + " is not as ADD left it",
                    String.join("; ", problems));
        }
    }

    @Override
    public void status(CniRequest request) {
        status.requireUsablePool();
    }

    /**
     * Releases this node's attachments of this network that the runtime no longer lists. The network is read
     * from the IPAM handle of each WorkloadEndpoint (handle {@code <network>.<containerID>}).
     */
    @Override
    public void gc(CniRequest request) {
        Optional<List<NetConf.Attachment>> valid = request.conf().validAttachments();
        if (valid.isEmpty()) {
            return;
        }
        Set<String> keep = new HashSet<>();
        valid.get().forEach(a -> keep.add(a.containerId() + "/" + a.ifName()));
        List<String> errors = new ArrayList<>();
        for (WorkloadEndpoint wep : datastore("list WorkloadEndpoints", endpoints::onThisNode)) {
            WorkloadIdentity id = WorkloadIdentity.of(wep, request.conf().name());
            boolean otherNetwork = PodAddresses.inProcess(request.conf()) && addresses.held(request, id).isEmpty();
            if (keep.contains(id.attachment()) || otherNetwork) {
                continue;
            }
            try {
                dataplane.delete(new EndpointRef(wep.spec().interfaceName(), id.ifName(), Optional.empty()));
                addresses.release(request, id);
                endpoints.delete(id);
            } catch (RuntimeException e) {
                errors.add(id.attachment() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new CniException(CniError.INTERNAL, "GC could not release every attachment",
                    String.join("; ", errors));
        }
    }

    private <T> T exclusive(WorkloadIdentity id, java.util.function.Supplier<T> work) {
        return locks.with(id.attachment(), work);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static <T> T datastore(String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DatastoreException e) {
            throw new CniException(CniErrorCodes.DATASTORE_UNAVAILABLE, what + ": datastore error", e.getMessage());
        }
    }

    private static CniException asCni(RuntimeException e, String what) {
        if (e instanceof CniException c) {
            return c;
        }
        if (e instanceof NetnsException n && n.isNotFound()) {
            return new CniException(CniErrorCodes.NETNS_NOT_FOUND, what + ": network namespace not found",
                    e.getMessage());
        }
        return new CniException(CniError.INTERNAL, what + " failed", e.getMessage());
    }
}
