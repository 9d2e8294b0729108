package dev.calyx.agent;

import dev.calyx.testkit.Exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.agent.cni.ShimRun;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.ipam.IpAddr;
import dev.calyx.ipam.IpamClient;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.model.Kind;
import dev.calyx.model.WorkloadEndpoint;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node agent end to end on the real kernel: the real shim process, a scratch node namespace, scratch pod
 * namespaces, the embedded datastore. CNI checklist (cni.md §6) items noted per test.
 */
@Tag("kernel")
class NodeAgentKernelTest {
    @TempDir
    Path tmp;
    AgentHarness h;

    @BeforeEach
    void setUp() {
        h = new AgentHarness(tmp);
        h.start();
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    /** Items 14-16, 24-27, 31: ADD result and state, pods talk, CHECK, DEL clean and idempotent. */
    @Test
    void addWiresThePodAndDelRemovesEverything() throws Exception {
        Netns p1 = h.createNetns();
        Netns p2 = h.createNetns();
        ShimRun add1 = h.add("c0ffee0001", p1, "web-1");
        assertThat(add1.exit()).as(add1.stdout() + add1.stderr()).isZero();
        ShimRun add2 = h.add("c0ffee0002", p2, "web-2");
        assertThat(add2.exit()).as(add2.stdout() + add2.stderr()).isZero();

        JsonNode r = add1.json();
        assertThat(r.get("cniVersion").asText()).isEqualTo("1.0.0");
        String veth = VethNames.forPod("default", "web-1");
        assertThat(r.at("/interfaces/0/name").asText()).isEqualTo(veth);
        assertThat(r.at("/interfaces/0/sandbox").isMissingNode()).isTrue();
        assertThat(r.at("/interfaces/1/name").asText()).isEqualTo("eth0");
        assertThat(r.at("/interfaces/1/sandbox").asText()).isEqualTo("/var/run/netns/" + p1.name());
        assertThat(r.at("/interfaces/1/mac").asText()).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        assertThat(r.at("/ips/0/interface").asInt()).isEqualTo(1);
        assertThat(r.at("/ips/0/version").isMissingNode()).isTrue();
        String address = r.at("/ips/0/address").asText();
        assertThat(address).startsWith("10.244.").endsWith("/32");
        assertThat(r.at("/routes/0/dst").asText()).isEqualTo("0.0.0.0/0");
        String ip1 = address.substring(0, address.indexOf('/'));
        String ip2 = add2.json().at("/ips/0/address").asText().replace("/32", "");

        assertThat(Exec.ip(p1.name(), "addr", "show", "eth0")).contains("inet " + ip1 + "/32");
        assertThat(h.hostIp("route", "show", ip1)).contains(ip1 + " dev " + veth);
        try (KvStore kv = h.openStore()) {
            WorkloadEndpoint wep = (WorkloadEndpoint) new Resources(kv)
                    .get(Kind.WORKLOAD_ENDPOINT, "default", "node1-k8s-web--1-eth0").orElseThrow();
            assertThat(wep.spec().containerID()).isEqualTo("c0ffee0001");
            assertThat(wep.spec().interfaceName()).isEqualTo(veth);
            assertThat(wep.spec().ipNetworks()).containsExactly(ip1 + "/32");
            assertThat(wep.spec().profiles()).containsExactly("kns.default");
            assertThat(wep.spec().mac()).isEqualTo(r.at("/interfaces/1/mac").asText());
            assertThat(wep.metadata().labels()).containsEntry("projectcalico.org/namespace", "default")
                    .containsEntry("projectcalico.org/orchestrator", "k8s");
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.c0ffee0001"))
                    .containsExactly(IpAddr.parse(ip1));
            assertThat(IpamClient.over(kv).lookup(IpAddr.parse(ip1)).orElseThrow().attribute().activeOwnerAttrs())
                    .containsEntry("pod", "web-1").containsEntry("namespace", "default")
                    .containsEntry("node", "node1").containsEntry("containerID", "c0ffee0001");
        }
        assertThat(Exec.ping(p1.name(), ip2)).as("pod to pod").isTrue();
        assertThat(Exec.ping(p2.name(), ip1)).as("pod to pod back").isTrue();

        String check = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\","
                + "\"ipam\":{\"type\":\"calyx-ipam\"},\"prevResult\":" + add1.stdout() + "}";
        ShimRun checked = h.shim(AgentHarness.env("CHECK", "c0ffee0001", p1, "web-1"), check);
        assertThat(checked.exit()).as(checked.stdout()).isZero();

        ShimRun del = h.del("c0ffee0001", p1, "web-1");
        assertThat(del.exit()).as(del.stdout()).isZero();
        assertThat(del.stdout()).isEmpty();
        assertThat(h.hostIp("link", "show")).doesNotContain(veth);
        assertThat(h.hostIp("route", "show")).doesNotContain(ip1 + " ");
        assertThat(Exec.ip(p1.name(), "link", "show")).doesNotContain("eth0");
        try (KvStore kv = h.openStore()) {
            assertThat(new Resources(kv).get(Kind.WORKLOAD_ENDPOINT, "default", "node1-k8s-web--1-eth0")).isEmpty();
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.c0ffee0001")).isEmpty();
        }
        assertThat(h.del("c0ffee0001", p1, "web-1").exit()).as("DEL again").isZero();
        assertThat(h.del("c0ffee0001", null, "web-1").exit()).as("DEL with empty CNI_NETNS").isZero();
        assertThat(h.del("deadbeef99", null, "never").exit()).as("DEL of a never-added container").isZero();

        String p2name = p2.name();
        p2.close();
        Netns.delete(p2name);
        assertThat(h.del("c0ffee0002", p2, "web-2").exit()).as("DEL after the netns is gone").isZero();
        assertThat(h.hostIp("link", "show")).doesNotContain(VethNames.forPod("default", "web-2"));
        try (KvStore kv = h.openStore()) {
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.c0ffee0002")).isEmpty();
        }
    }
}
