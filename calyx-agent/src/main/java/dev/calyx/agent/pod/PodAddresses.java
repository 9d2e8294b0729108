package dev.calyx.agent.pod;

import dev.calyx.agent.cni.CniErrorCodes;
import dev.calyx.agent.cni.CniException;
import dev.calyx.agent.cni.CniRequest;
import dev.calyx.agent.cni.CniResult;
import dev.calyx.agent.cni.IpamDelegate;
import dev.calyx.agent.cni.NetConf;
import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;
import dev.calyx.ipam.AllowedUse;
import dev.calyx.ipam.AssignRequest;
import dev.calyx.ipam.AssignResult;
import dev.calyx.ipam.IpAddr;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamExhaustedException;
import dev.calyx.kernel.netlink.IpPrefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a pod's addresses come from: calyx's block IPAM in-process (ipam.type {@code calyx-ipam} or
 * {@code calico-ipam}: the same objects Calico's plugin writes), or any other IPAM plugin run as a delegate
 * (Debian's host-local...). The in-process path stamps Calico's allocation attributes so {@code calyx ipam show}
 * and Calico's tools can tell whose an address is.
 *
 * <p>Thread-safe: {@link IpamClient} and {@link IpamDelegate} are.
 */
public final class PodAddresses {
    static final String ATTR_NAMESPACE = "namespace";
    static final String ATTR_POD = "pod";
    static final String ATTR_NODE = "node";
    static final String ATTR_CONTAINER_ID = "containerID";
    static final String ATTR_TIMESTAMP = "timestamp";

    private final IpamClient ipam;
    private final IpamDelegate delegate;
    private final String node;

    public PodAddresses(IpamClient ipam, IpamDelegate delegate, String node) {
        this.ipam = ipam;
        this.delegate = delegate;
        this.node = node;
    }

    /** The addresses handed out, as the container will carry them (result form: address/prefix). */
    public record Assigned(List<IpPrefix> addresses) {
        public Assigned {
            addresses = List.copyOf(addresses);
        }
    }

    public static boolean inProcess(NetConf conf) {
        String type = conf.ipam().map(NetConf.IpamConf::type).orElse(NetConf.IpamConf.CALYX_IPAM);
        return type.equals(NetConf.IpamConf.CALYX_IPAM) || type.equals("calico-ipam");
    }

    public Assigned assign(CniRequest request, WorkloadIdentity id) {
        if (!inProcess(request.conf())) {
            CniResult result = delegate.add(request);
            if (result.ips().isEmpty()) {
                throw new CniException(CniError.INVALID_CONFIG, "IPAM plugin returned no addresses",
                        "network " + request.conf().name() + ", ipam "
                                + request.conf().ipam().map(NetConf.IpamConf::type).orElse("?"));
            }
            return new Assigned(result.ips().stream().map(ip -> IpPrefix.parse(ip.address())).toList());
        }
        Optional<NetConf.IpamConf> conf = request.conf().ipam();
        boolean v4 = conf.map(NetConf.IpamConf::assignIpv4).orElse(true);
        boolean v6 = conf.map(NetConf.IpamConf::assignIpv6).orElse(false);
        List<String> pools = new ArrayList<>(conf.map(NetConf.IpamConf::ipv4Pools).orElse(List.of()));
        pools.addAll(conf.map(NetConf.IpamConf::ipv6Pools).orElse(List.of()));
        AssignRequest req = new AssignRequest(id.ipamHandle(), node, v4 ? 1 : 0, v6 ? 1 : 0, attributes(id),
                AllowedUse.Workload, pools);
        AssignResult result;
        try {
            result = ipam.assign(req);
        } catch (IpamExhaustedException e) {
            throw new CniException(CniErrorCodes.IPAM_EXHAUSTED, "no free address for " + id.attachment(),
                    e.getMessage());
        }
        return new Assigned(result.all().stream().map(PodAddresses::hostPrefix).toList());
    }

    /** Idempotent release (DEL and ADD rollback): by handle, or the delegate's DEL. */
    public void release(CniRequest request, WorkloadIdentity id) {
        if (inProcess(request.conf())) {
            ipam.releaseByHandle(id.ipamHandle());
        } else {
            delegate.exec(request, CniProtocol.DEL);
        }
    }

    /** The addresses IPAM holds for the attachment (in-process IPAM only; empty for delegates). */
    public List<IpAddr> held(CniRequest request, WorkloadIdentity id) {
        return inProcess(request.conf()) ? ipam.ipsByHandle(id.ipamHandle()) : List.of();
    }

    private Map<String, String> attributes(WorkloadIdentity id) {
        Map<String, String> attrs = new LinkedHashMap<>();
        if (id.isKubernetes()) {
            attrs.put(ATTR_NAMESPACE, id.namespace());
            attrs.put(ATTR_POD, id.workload());
        }
        attrs.put(ATTR_NODE, node);
        attrs.put(ATTR_CONTAINER_ID, id.containerId());
        attrs.put(ATTR_TIMESTAMP, Instant.now().toString());
        return attrs;
    }

    private static IpPrefix hostPrefix(IpAddr ip) {
        return IpPrefix.host(ip.toInetAddress());
    }
}
