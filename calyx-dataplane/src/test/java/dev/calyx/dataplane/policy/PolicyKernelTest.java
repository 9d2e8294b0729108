package dev.calyx.dataplane.policy;

import dev.calyx.calc.CalcGraph;
import dev.calyx.calc.EndpointKey;
import dev.calyx.dataplane.endpoint.EndpointSpec;
import dev.calyx.dataplane.endpoint.EndpointWiring;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.testkit.Exec;
import dev.calyx.dataplane.testing.ScratchHost;
import dev.calyx.dataplane.testing.ScratchNamespaces;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.nft.NftExecBackend;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.calyx.dataplane.policy.PolicyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy dataplane on the real kernel: a scratch "host" namespace with three Calico-wired pods, the real
 * {@link CalcGraph} fed model resources, the {@code inet calyx} table applied inside the host namespace, and real
 * TCP between the pods. Pods: web (prod, app=web, serves 80, 8080, 9001, 9500), client (prod, app=client),
 * other (dev, app=client).
 */
@Tag("kernel")
class PolicyKernelTest {
    private static final String WEB_IP = "10.244.0.10";
    private static final String CLIENT_IP = "10.244.0.11";
    private static final String OTHER_IP = "10.244.0.12";

    private final ScratchNamespaces namespaces = new ScratchNamespaces("calyx-t-po-");
    private final PodTraffic traffic = new PodTraffic();
    private Netns host;
    private FfmRtNetlink hostNl;
    private EndpointWiring wiring;
    private NftExecBackend nft;
    private PolicyManager manager;
    private CalcGraph graph;
    private String web;
    private String client;
    private String other;

    @BeforeEach
    void setUp() {
        host = namespaces.create();
        hostNl = ScratchHost.prepare(host);
        wiring = EndpointWiring.onHost(hostNl);
        nft = new NftExecBackend(Optional.of(Netns.RUN_DIR.resolve(host.name())));
        manager = new PolicyManager(nft);
        graph = new CalcGraph(NODE, manager);
        update(namespace("prod", labels("env", "prod")), namespace("dev", labels("env", "dev")));
        web = pod("prod", "web", WEB_IP, "app", "web");
        client = pod("prod", "client", CLIENT_IP, "app", "client");
        other = pod("dev", "other", OTHER_IP, "app", "client");
        traffic.serve(web, 80, 8080, 9001, 9500);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
        if (nft != null) {
            nft.close();
        }
        if (hostNl != null) {
            hostNl.close();
        }
        namespaces.close();
    }

    private String pod(String ns, String name, String ip, String... labelKv) {
        Netns pod = namespaces.create();
        String iface = VethNames.forPod(ns, name);
        wiring.add(EndpointSpec.of(iface, "eth0", Netns.RUN_DIR.resolve(pod.name()),
                List.of(IpPrefix.parse(ip + "/26"))));
        update(wep(ns, name, iface, ip, labels(labelKv), namedPort("http-alt", 8080)));
        return pod.name();
    }

    private void update(Resource... resources) {
        for (Resource r : resources) {
            graph.onUpdate(r);
        }
        graph.flush();
        manager.apply();
    }

    private static boolean reach(String from, int port) {
        return PodTraffic.connects(from, WEB_IP, port);
    }

    @Test
    void kubernetesPoliciesIsolateAndOpenExactlyWhatTheySay() {
        assertThat(reach(client, 80)).as("no policy: namespace profile allows").isTrue();
        assertThat(reach(other, 80)).isTrue();
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "web"))).isTrue();

        update(knp("prod", "deny-all", labels("app", "web"), List.of()));
        assertThat(reach(client, 80)).as("default-deny ingress").isFalse();
        assertThat(reach(other, 80)).isFalse();

        update(knp("prod", "from-clients", labels("app", "web"), List.of(fromPods(labels("app", "client")))));
        assertThat(reach(client, 80)).as("podSelector: same-namespace client").isTrue();
        assertThat(reach(other, 80)).as("podSelector does not reach other namespaces").isFalse();

        update(knp("prod", "from-dev", labels("app", "web"), List.of(fromNamespaces(labels("env", "dev")))));
        assertThat(reach(other, 80)).as("namespaceSelector").isTrue();
        graph.onDelete(Kind.KUBERNETES_NETWORK_POLICY, "prod", "from-clients");
        graph.onDelete(Kind.KUBERNETES_NETWORK_POLICY, "prod", "from-dev");
        graph.flush();
        manager.apply();
        assertThat(reach(client, 80)).isFalse();

        update(knp("prod", "block", labels("app", "web"), List.of(fromBlock("10.244.0.0/24", OTHER_IP + "/32"))));
        assertThat(reach(client, 80)).as("ipBlock").isTrue();
        assertThat(reach(other, 80)).as("ipBlock except").isFalse();
        graph.onDelete(Kind.KUBERNETES_NETWORK_POLICY, "prod", "block");

        update(knp("prod", "ports", labels("app", "web"), List.of(tcpPorts(9000, 9100))));
        assertThat(reach(client, 9001)).as("endPort range").isTrue();
        assertThat(reach(client, 9500)).as("outside the range").isFalse();
        assertThat(reach(client, 80)).isFalse();
    }

    @Test
    void tiersOrderPassAndEndOfTierDrop() {
        update(tier("security", 100, "Deny"),
                gnp("deny-other", "security", 10, "app == 'web'", List.of("Ingress"),
                        List.of(fromSelector("Deny", "app == 'client' && projectcalico.org/namespace == 'dev'")),
                        List.of()),
                gnp("allow-clients", "security", 20, "app == 'web'", List.of("Ingress"),
                        List.of(fromSelector("Allow", "app == 'client'")), List.of()));
        assertThat(reach(client, 80)).as("allow after a deny that does not match").isTrue();
        assertThat(reach(other, 80)).as("deny before allow by order").isFalse();

        update(gnp("allow-clients", "security", 20, "app == 'web'", List.of("Ingress"),
                List.of(fromSelector("Pass", "app == 'client'")), List.of()));
        assertThat(reach(client, 80)).as("pass to the next tier: no policy there, profile allows").isTrue();

        update(gnp("allow-clients", "security", 20, "app == 'web'", List.of("Ingress"),
                List.of(tcpTo("Allow", "8080")), List.of()));
        assertThat(reach(client, 8080)).isTrue();
        assertThat(reach(client, 80)).as("end-of-tier drop").isFalse();
    }

    @Test
    void egressIsolationAndProfiles() {
        assertThat(Exec.ping(client, ScratchHost.HOST_V4)).as("pod to host, no policy").isTrue();
        update(np("prod", "client-egress", 100, "app == 'client'", List.of(),
                List.of(tcpTo("Allow", "8080"))));
        assertThat(reach(client, 8080)).as("egress allowed port; the reply passes by conntrack").isTrue();
        assertThat(reach(client, 80)).as("egress isolation").isFalse();
        assertThat(reach(other, 80)).as("other pods unaffected").isTrue();
        assertThat(Exec.ping(client, ScratchHost.HOST_V4)).as("egress policy applies to the host too").isFalse();
        assertThat(Exec.ping(other, ScratchHost.HOST_V4)).isTrue();

        update(knp("prod", "client-isolated", labels("app", "client"), List.of()));
        assertThat(reach(client, 8080)).as("the client's ingress is default-deny, yet the web pod's reply passes "
                + "(conntrack established)").isTrue();

        graph.onDelete(Kind.KUBERNETES_NAMESPACE, null, "dev");
        graph.flush();
        manager.apply();
        assertThat(reach(other, 80)).as("the namespace profile is gone: fail closed").isFalse();
    }

    @Test
    void resyncRestoresAChainDeletedByHand() {
        update(knp("prod", "deny-all", labels("app", "web"), List.of()));
        assertThat(reach(client, 80)).isFalse();

        String chain = PolicyNames.toWorkloadChain(EndpointKey.workload("prod", "web"));
        nftInHost("delete element inet calyx cx_to_wl { \"" + VethNames.forPod("prod", "web") + "\" }");
        nftInHost("flush chain inet calyx " + chain);
        nftInHost("delete chain inet calyx " + chain);
        nftInHost("add rule inet calyx cx_forward accept");

        manager.resync();
        assertThat(reach(client, 80)).as("policed again after resync").isFalse();
        assertThat(nft.list(PolicyNames.TABLE).orElseThrow().chain(chain)).isPresent();
        assertThat(manager.resync().isEmpty()).as("nothing left to repair").isTrue();
    }

    @Test
    void aNewInterfaceIsDroppedBeforeItsPolicyIsApplied() {
        update(knp("prod", "deny-all", labels("app", "web"), List.of()));
        Netns late = namespaces.create();
        String iface = VethNames.forPod("prod", "late");
        wiring.add(EndpointSpec.of(iface, "eth0", Netns.RUN_DIR.resolve(late.name()),
                List.of(IpPrefix.parse("10.244.0.13/26"))));

        assertThat(PodTraffic.connects(late.name(), CLIENT_IP, 80)).as("unknown cali interface").isFalse();
        assertThat(reach(late.name(), 8080)).isFalse();
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "late"))).isFalse();

        update(wep("prod", "late", iface, "10.244.0.13", labels("app", "late")));
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "late"))).isTrue();
        traffic.serve(client, 80);
        assertThat(PodTraffic.connects(late.name(), CLIENT_IP, 80)).as("programmed: profile allows").isTrue();
    }

    @Test
    void aNetworkSetAroundPodAddressesSharesOneIntervalSetWithThem() {
        update(new dev.calyx.model.GlobalNetworkSet(dev.calyx.model.ObjectMeta.named("clients").withLabels(
                        labels("app", "client")), new dev.calyx.model.GlobalNetworkSet.Spec(List.of("10.244.0.0/28"))),
                gnp("web-from-clients", "default", 5, "app == 'web'", List.of("Ingress"),
                        List.of(fromSelector("Allow", "app == 'client'")), List.of()));
        assertThat(reach(client, 80)).isTrue();

        graph.onDelete(Kind.GLOBAL_NETWORK_SET, null, "clients");
        graph.flush();
        manager.apply();
        assertThat(reach(client, 80)).as("the pod's own address is back in the set").isTrue();
        assertThat(manager.resync().isEmpty()).isTrue();
    }

    @Test
    void namedPortsOpenTheNumberEachPodGaveTheName() {
        update(knp("prod", "named", labels("app", "web"), List.of(tcpNamedPort("http-alt"))));
        assertThat(reach(client, 8080)).as("http-alt is 8080 on web").isTrue();
        assertThat(reach(client, 80)).isFalse();
    }

    @Test
    void everyRuleShapeIsAcceptedByTheRealNft() {
        var icmp = new dev.calyx.model.policy.Rule("Allow", 4, dev.calyx.model.numorstring.Protocol.parse("ICMP"),
                new dev.calyx.model.policy.IcmpFields(8, 0), null, null, null, null, null, null);
        var icmp6 = new dev.calyx.model.policy.Rule("Allow", 6,
                dev.calyx.model.numorstring.Protocol.parse("ICMPv6"), new dev.calyx.model.policy.IcmpFields(128,
                null), null, null, null, null, null, null);
        var nets = rule("Deny").withSource(dev.calyx.model.policy.EntityRule.EMPTY.withNets(
                List.of("192.0.2.0/24", "fd00::/8"), List.of("192.0.2.128/25", "fd00:1::/32")));
        var notProto = new dev.calyx.model.policy.Rule("Log", null, null, null,
                dev.calyx.model.numorstring.Protocol.TCP, null, null, null, null, null);
        var notSel = rule("Pass").withSource(new dev.calyx.model.policy.EntityRule(null, null, null, null, null,
                null, "app == 'web'", null, null));
        var range = tcpTo("Allow", "9000:9100", "80");
        update(gnp("shapes", "default", 50, "app == 'web'", List.of("Ingress", "Egress"),
                List.of(icmp, icmp6, nets, notProto, notSel, range), List.of(range, icmp)));
        assertThat(Exec.run("ip", "netns", "exec", host.name(), "nft", "list", "table", "inet", "calyx").out())
                .contains("icmp type echo-request", "log prefix", "dport { 80, 9000-9100 }");
        assertThat(reach(client, 80)).as("the notSelector rule passes the client to its profile").isTrue();

        manager.setNatPools(List.of(new NatPool("10.244.0.0/24", true), new NatPool("fd00:10::/64", false)));
        manager.apply();
        assertThat(Exec.run("ip", "netns", "exec", host.name(), "nft", "list", "chain", "inet", "calyx",
                PolicyNames.NAT_CHAIN).out()).contains("masquerade", "hook postrouting");
    }

    private void nftInHost(String command) {
        var r = Exec.run("ip", "netns", "exec", host.name(), "nft", command);
        assertThat(r.exit()).as("nft " + command + ": " + r.out()).isZero();
    }
}
