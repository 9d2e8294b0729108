package dev.calyx.agent;

import dev.calyx.agent.cni.CniDispatcher;
import dev.calyx.agent.cni.CniServer;
import dev.calyx.agent.cni.DelQueue;
import dev.calyx.agent.cni.IpamDelegate;
import dev.calyx.agent.health.HealthServer;
import dev.calyx.agent.loop.DataplaneLoop;
import dev.calyx.agent.loop.LocalDataplane;
import dev.calyx.agent.metrics.AgentMetrics;
import dev.calyx.agent.metrics.MeteredCniHandler;
import dev.calyx.agent.node.DefaultNamespace;
import dev.calyx.agent.node.DefaultPool;
import dev.calyx.agent.node.NodeRegistration;
import dev.calyx.agent.node.PoolReadiness;
import dev.calyx.agent.node.StartupPreflight;
import dev.calyx.agent.policy.PolicyDataplane;
import dev.calyx.agent.policy.PolicySyncer;
import dev.calyx.agent.pod.AgentCniHandler;
import dev.calyx.agent.pod.PodAddresses;
import dev.calyx.agent.pod.WorkloadEndpoints;
import dev.calyx.dataplane.endpoint.Encapsulation;
import dev.calyx.dataplane.endpoint.HostMtu;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.PeriodicCompactor;
import dev.calyx.datastore.resource.ResourceClient;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.dataplane.policy.PolicyManager;
import dev.calyx.kernel.nft.NftExecBackend;
import dev.calyx.ipam.IpFamily;
import dev.calyx.ipam.IpamClient;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.model.WorkloadEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent ({@code calyx node run}): serves CNI for this node's pods over the datastore.
 *
 * <p>Start order, each step needing the one before: preflight; datastore; the Node resource (re-asserted on every
 * start, addresses from the node's namespace); a default IPPool and Namespace {@code default} when there are none;
 * the policy pipeline (nothing programmed before its first full listing); the dataplane loop, which first
 * adopts the endpoints the datastore says live here and removes stale veths and routes (no flush: pods keep their
 * traffic across an agent restart); the CNI socket; the replay of DELs queued while the agent was down; health and
 * metrics; compaction for the embedded store. Readiness turns 200 only after all of it.
 *
 * <p>Stop ({@link #close}) reverses it: readiness off, socket closed after in-flight requests finish, then the loop,
 * the servers and the datastore. Endpoints stay wired: stopping the agent never disconnects a pod.
 *
 * <p>Thread safety: {@link #start} and {@link #close} from one thread; the CNI path is concurrent (see
 * {@link AgentCniHandler}).
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    private final AgentConfig config;
    private final Deque<AutoCloseable> closeOrder = new ArrayDeque<>();
    private volatile boolean ready;
    private HealthServer health;
    private AgentMetrics metrics;
    private CniServer cni;

    private NodeAgent(AgentConfig config) {
        this.config = config;
    }

    /** The node name Calico would pick without a flag: the OS hostname, lower-cased. */
    public static String defaultNodeName() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT).split("\\.")[0];
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                return env.toLowerCase(java.util.Locale.ROOT);
            }
            throw new IllegalStateException("cannot determine the node name; pass --node-name", e);
        }
    }

    public static NodeAgent start(AgentConfig config) {
        NodeAgent agent = new NodeAgent(config);
        try {
            agent.startAll();
            return agent;
        } catch (RuntimeException | IOException e) {
            agent.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("start node agent " + config.nodeName() + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startAll() throws IOException {
        LOG.info("calyx node agent starting: node {}, datastore {}, host netns {}", config.nodeName(),
                config.datastore(), config.hostNetns().map(Object::toString).orElse("(own)"));
        if (config.preflight()) {
            StartupPreflight.run(config.datastore().toString(), config.hostNetns(), config.healthPort(),
                    config.metricsPort());
        }
        KvStore kv = closing(KvStores.open(config.datastore()));
        Resources resources = new Resources(kv);
        FfmRtNetlink host = closing(config.hostNetns().map(NodeAgent::openIn).orElseGet(FfmRtNetlink::open));
        NodeRegistration.register(resources, config.nodeName(), host);
        DefaultPool.ensure(resources, config.defaultPool(), host);
        DefaultNamespace.ensure(resources);
        WorkloadEndpoints endpoints = new WorkloadEndpoints(resources, config.nodeName());
        DataplaneLoop loop = closing(new DataplaneLoop());
        LocalDataplane dataplane = restoreDataplane(loop, host, endpoints, startPolicy(loop, kv));
        IpamClient ipam = IpamClient.over(kv);
        metrics = closing(new AgentMetrics(dataplane::endpointCount, () -> affineBlocks(ipam, config.nodeName())));
        int mtu = HostMtu.forWorkloads(host, Encapsulation.NONE);
        AgentCniHandler handler = new AgentCniHandler(config.nodeName(),
                new PodAddresses(ipam, new IpamDelegate(), config.nodeName()), endpoints, dataplane, () -> mtu,
                new PoolReadiness(resources));
        serveCni(new CniDispatcher(new MeteredCniHandler(handler, metrics)));
        serveObservability();
        if (config.datastore().scheme().equals("embedded")) {
            closing(PeriodicCompactor.start(kv, PeriodicCompactor.DEFAULT_INTERVAL));
        }
        ready = true;
        LOG.info("calyx node agent ready: CNI on {}, health on {}:{}, metrics on {}", cni.socket(), config.bind(),
                health.port(), config.metricsPort() >= 0 ? config.bind() + ":" + metrics.port() : "off");
    }

    /** The loop, with the endpoints the datastore places here adopted and everything else workload-like removed. */
    private LocalDataplane restoreDataplane(DataplaneLoop loop, FfmRtNetlink host, WorkloadEndpoints endpoints,
                                            LocalDataplane.EndpointProgrammedHook hook) {
        LocalDataplane dataplane = new LocalDataplane(loop, host, hook);
        LocalDataplane.RestoreResult restored = dataplane.restore(liveEndpoints(endpoints));
        LOG.info("dataplane restored: kept {} endpoint(s), removed stale veths {}, routes {}",
                restored.veths().kept().size(), restored.veths().removed(), restored.routes());
        return dataplane;
    }

    /**
     * The policy pipeline: the syncer lists everything (the loop programs nothing before that listing is in) and
     * then watches; ADD waits on the returned hook. Closed before the loop so no pass runs after the watches stop.
     */
    private LocalDataplane.EndpointProgrammedHook startPolicy(DataplaneLoop loop, KvStore kv) {
        AgentConfig.Policy policy = config.policy();
        if (!policy.enabled()) {
            LOG.warn("policy dataplane disabled: pods on node {} are not policed", config.nodeName());
            return LocalDataplane.EndpointProgrammedHook.NONE;
        }
        PolicyManager manager = new PolicyManager(new NftExecBackend(config.hostNetns()));
        PolicyDataplane dataplane = closing(new PolicyDataplane(loop, config.nodeName(), manager, policy.resync()));
        PolicySyncer syncer = closing(new PolicySyncer(new ResourceClient(kv), dataplane::offer));
        syncer.start();
        return new LocalDataplane.EndpointProgrammedHook() {
            @Override
            public void awaitProgrammed(WorkloadEndpoint wep) {
                dataplane.awaitProgrammed(wep, policy.addTimeout());
            }

            @Override
            public void removed(String namespace, String name) {
                dataplane.forget(namespace, name);
            }
        };
    }

    /** The socket first, then the queued DELs: once the socket is up the shim stops queueing (DelQueue's contract). */
    private void serveCni(CniDispatcher dispatcher) throws IOException {
        cni = closing(CniServer.start(config.cniSocket(), dispatcher));
        DelQueue.Report replay = new DelQueue(config.delQueue()).replay(dispatcher);
        if (replay.replayed() + replay.failed().size() + replay.rejected().size() > 0) {
            LOG.info("DEL queue {}: replayed {}, failed {}, rejected {}", config.delQueue(), replay.replayed(),
                    replay.failed(), replay.rejected());
        }
    }

    private void serveObservability() throws IOException {
        health = closing(HealthServer.start(config.bind(), config.healthPort(), () -> true, () -> ready));
        if (config.metricsPort() >= 0) {
            metrics.serve(config.bind(), config.metricsPort());
        }
    }

    private static FfmRtNetlink openIn(java.nio.file.Path netns) {
        try (Netns ns = Netns.openPath(netns)) {
            return FfmRtNetlink.openIn(ns);
        }
    }

    private static Map<String, Set<IpPrefix>> liveEndpoints(WorkloadEndpoints endpoints) {
        Map<String, Set<IpPrefix>> live = new HashMap<>();
        for (WorkloadEndpoint wep : endpoints.onThisNode()) {
            if (wep.spec().interfaceName() == null) {
                continue;
            }
            Set<IpPrefix> ips = live.computeIfAbsent(wep.spec().interfaceName(), k -> new HashSet<>());
            if (wep.spec().ipNetworks() != null) {
                wep.spec().ipNetworks().forEach(n -> ips.add(IpPrefix.parse(n)));
            }
        }
        return live;
    }

    private static int affineBlocks(IpamClient ipam, String node) {
        try {
            return ipam.store().affinities(node, IpFamily.V4).size()
                    + ipam.store().affinities(node, IpFamily.V6).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeOrder.push(resource);
        return resource;
    }

    public boolean ready() {
        return ready;
    }

    public int healthPort() {
        return health.port();
    }

    public int metricsPort() {
        return metrics.port();
    }

    public AgentConfig config() {
        return config;
    }

    /** Stops serving (in-flight requests finish) and releases everything; endpoints stay wired. */
    @Override
    public void close() {
        ready = false;
        while (!closeOrder.isEmpty()) {
            AutoCloseable c = closeOrder.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("calyx node agent {} stopped", config.nodeName());
    }
}
