package dev.calyx.agent;

import dev.calyx.testkit.Exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.agent.cni.ShimRun;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.ipam.IpamClient;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.model.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CNI checklist items (cni.md §6) against the running agent: refusals, rollback, concurrency, delegation. */
@Tag("kernel")
class AgentCniKernelTest {
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

    private int handles() {
        try (KvStore kv = h.openStore()) {
            return IpamClient.over(kv).store().handles().size();
        }
    }

    private int endpoints() {
        try (KvStore kv = h.openStore()) {
            return new Resources(kv).list(Kind.WORKLOAD_ENDPOINT, null).size();
        }
    }

    private long hostVeths() {
        return h.hostIp("-o", "link", "show").lines().filter(l -> l.contains(": cali")).count();
    }

    /** Item 18: a second ADD of an attached (cid, ifname) fails and leaves the first attachment intact. */
    @Test
    void secondAddForTheSameAttachmentIsRefused() throws Exception {
        Netns pod = h.createNetns();
        ShimRun first = h.add("a11ce00001", pod, "api");
        assertThat(first.exit()).as(first.stdout()).isZero();
        ShimRun second = h.add("a11ce00001", pod, "api");
        assertThat(second.exit()).isNotZero();
        assertThat(second.json().get("code").asInt()).isEqualTo(101);
        String ip = first.json().at("/ips/0/address").asText().replace("/32", "");
        assertThat(Exec.ip(pod.name(), "addr", "show", "eth0")).contains(ip);
        assertThat(h.hostIp("route", "show", ip)).contains(VethNames.forPod("default", "api"));
        assertThat(handles()).isEqualTo(1);
        assertThat(h.del("a11ce00001", pod, "api").exit()).isZero();
    }

    /** Items 20-21: ADD into a missing netns, or one that fails after IPAM assigned, leaves nothing behind. */
    @Test
    void failedAddsLeakNothing() throws Exception {
        ShimRun missing = h.shim(AgentHarness.env("ADD", "b0b0000001", null, "ghost"), AgentHarness.conf("1.0.0"));
        assertThat(missing.exit()).isNotZero(); // CNI_NETNS "" is refused before anything happens
        var env = AgentHarness.env("ADD", "b0b0000002", null, "ghost");
        env.put("CNI_NETNS", "/var/run/netns/calyx-t-ag-nonexistent");
        ShimRun gone = h.shim(env, AgentHarness.conf("1.0.0"));
        assertThat(gone.json().get("code").asInt()).as(gone.stdout()).isEqualTo(102);

        Path notANetns = tmp.resolve("not-a-netns");
        Files.writeString(notANetns, "x");
        env = AgentHarness.env("ADD", "b0b0000003", null, "broken");
        env.put("CNI_NETNS", notANetns.toString());
        ShimRun broken = h.shim(env, AgentHarness.conf("1.0.0"));
        assertThat(broken.exit()).as(broken.stdout()).isNotZero();
        assertThat(handles()).as("IPAM rolled back").isZero();
        assertThat(endpoints()).isZero();
        assertThat(hostVeths()).isZero();
    }

    /** Item 39: 16 parallel ADDs get 16 distinct addresses; 16 parallel DELs leave nothing. */
    @Test
    void sixteenParallelAddsThenDels() throws Exception {
        List<Netns> pods = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pods.add(h.createNetns());
        }
        Set<String> ips = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<ShimRun>> adds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                adds.add(pool.submit(() -> h.add("beef%06d".formatted(n), pods.get(n), "par-" + n)));
            }
            for (Future<ShimRun> f : adds) {
                ShimRun r = f.get();
                assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
                ips.add(r.json().at("/ips/0/address").asText());
            }
            assertThat(ips).hasSize(16);
            assertThat(hostVeths()).isEqualTo(16);
            List<Future<ShimRun>> dels = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                dels.add(pool.submit(() -> h.del("beef%06d".formatted(n), pods.get(n), "par-" + n)));
            }
            for (Future<ShimRun> f : dels) {
                assertThat(f.get().exit()).isZero();
            }
        }
        assertThat(hostVeths()).isZero();
        assertThat(handles()).isZero();
        assertThat(endpoints()).isZero();
        assertThat(h.hostIp("route", "show", "proto", "80")).isBlank();
    }

    /** Items 14 (older and newer schemas) and 40: results per version; a shim killed mid-ADD, then DEL, cleans up. */
    @Test
    void resultSchemasAndKilledShim() throws Exception {
        Netns a = h.createNetns();
        ShimRun old = h.shim(AgentHarness.env("ADD", "0d0000004", a, "old"), AgentHarness.conf("0.4.0"));
        JsonNode r = old.json();
        assertThat(r.get("cniVersion").asText()).isEqualTo("0.4.0");
        assertThat(r.at("/ips/0/version").asText()).isEqualTo("4");
        Netns b = h.createNetns();
        ShimRun latest = h.shim(AgentHarness.env("ADD", "0d0000011", b, "new"), AgentHarness.conf("1.1.0"));
        assertThat(latest.json().get("cniVersion").asText()).isEqualTo("1.1.0");
        assertThat(h.shim(AgentHarness.env("DEL", "0d0000004", a, "old"), AgentHarness.conf("0.4.0")).exit()).isZero();
        assertThat(h.shim(AgentHarness.env("DEL", "0d0000011", b, "new"), AgentHarness.conf("1.1.0")).exit()).isZero();

        Netns c = h.createNetns();
        ProcessBuilder pb = new ProcessBuilder(ShimRun.javaCommand(h.socket, h.queue));
        pb.environment().clear();
        pb.environment().putAll(AgentHarness.env("ADD", "dead000040", c, "killed"));
        Process shim = pb.start();
        shim.getOutputStream().write(AgentHarness.conf("1.0.0").getBytes());
        shim.getOutputStream().close();
        Thread.sleep(150);
        shim.destroyForcibly().waitFor();
        ShimRun del = h.del("dead000040", c, "killed");
        assertThat(del.exit()).as(del.stdout()).isZero();
        // whether the kill landed before or after the agent's ADD, the DEL (serialised behind it) leaves nothing
        assertThat(hostVeths()).isZero();
        assertThat(handles()).isZero();
        assertThat(endpoints()).isZero();
    }

    /** Item 38 with Debian's host-local as the IPAM delegate: addresses from it, released through its DEL. */
    @Test
    void delegatedIpamWithHostLocal() throws Exception {
        Path dataDir = tmp.resolve("host-local");
        String ipam = "{\"type\":\"host-local\",\"dataDir\":\"" + dataDir
                + "\",\"ranges\":[[{\"subnet\":\"10.77.0.0/24\"}]]}";
        Netns pod = h.createNetns();
        ShimRun add = h.shim(AgentHarness.env("ADD", "10ca100001", pod, "hl"), AgentHarness.conf("1.0.0", ipam));
        assertThat(add.exit()).as(add.stdout() + add.stderr()).isZero();
        String address = add.json().at("/ips/0/address").asText();
        assertThat(address).startsWith("10.77.0.");
        String ip = address.substring(0, address.indexOf('/'));
        assertThat(Exec.ip(pod.name(), "addr", "show", "eth0")).contains("inet " + ip + "/32");
        assertThat(Files.exists(dataDir.resolve("k8s-pod-network").resolve(ip))).isTrue();
        assertThat(handles()).as("calyx IPAM not used").isZero();
        ShimRun del = h.shim(AgentHarness.env("DEL", "10ca100001", pod, "hl"), AgentHarness.conf("1.0.0", ipam));
        assertThat(del.exit()).as(del.stdout()).isZero();
        assertThat(Files.exists(dataDir.resolve("k8s-pod-network").resolve(ip))).isFalse();
        assertThat(hostVeths()).isZero();
        assertThat(endpoints()).isZero();
    }

    /** Items 31-32: CHECK passes right after ADD and fails once the host route is removed behind the agent's back. */
    @Test
    void checkSeesOutOfBandDamage() throws Exception {
        Netns pod = h.createNetns();
        ShimRun add = h.add("c4ec000001", pod, "checked");
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\","
                + "\"ipam\":{\"type\":\"calyx-ipam\"},\"prevResult\":" + add.stdout() + "}";
        assertThat(h.shim(AgentHarness.env("CHECK", "c4ec000001", pod, "checked"), conf).exit()).isZero();
        String ip = add.json().at("/ips/0/address").asText().replace("/32", "");
        h.hostIp("route", "del", ip + "/32");
        ShimRun broken = h.shim(AgentHarness.env("CHECK", "c4ec000001", pod, "checked"), conf);
        assertThat(broken.exit()).isNotZero();
        assertThat(broken.json().get("details").asText()).contains(ip);
        assertThat(h.del("c4ec000001", pod, "checked").exit()).isZero();
    }

    /**
     * Items 19 and 30: a second interface of the same container (CNI_IFNAME eth1) is an independent attachment with
     * its own address, veth, handle and WorkloadEndpoint (the pod's gateway routes stay those of eth0); deleting it
     * leaves eth0 untouched, and deleting eth0 then cleans up the rest.
     */
    @Test
    void secondInterfaceOfOneContainerIsIndependent() throws Exception {
        Netns pod = h.createNetns();
        ShimRun first = h.add("e7e1000001", pod, "multi");
        assertThat(first.exit()).isZero();
        var env = AgentHarness.env("ADD", "e7e1000001", pod, "multi");
        env.put("CNI_IFNAME", "eth1");
        ShimRun second = h.shim(env, AgentHarness.conf("1.0.0"));
        assertThat(second.exit()).as(second.stdout()).isZero();
        assertThat(second.json().at("/interfaces/1/name").asText()).isEqualTo("eth1");
        String ip0 = first.json().at("/ips/0/address").asText().replace("/32", "");
        String ip1 = second.json().at("/ips/0/address").asText().replace("/32", "");
        assertThat(ip1).isNotEqualTo(ip0);
        assertThat(Exec.ip(pod.name(), "addr", "show", "eth1")).contains(ip1);
        assertThat(handles()).isEqualTo(2);
        assertThat(endpoints()).isEqualTo(2);
        assertThat(hostVeths()).isEqualTo(2);
        env.put("CNI_COMMAND", "DEL");
        assertThat(h.shim(env, AgentHarness.conf("1.0.0")).exit()).isZero();
        assertThat(Exec.ip(pod.name(), "link", "show")).contains("eth0").doesNotContain("eth1");
        assertThat(endpoints()).isEqualTo(1);
        assertThat(handles()).isEqualTo(1);
        assertThat(hostVeths()).isEqualTo(1);
        assertThat(h.hostIp("route", "show", ip0)).contains(VethNames.forPod("default", "multi"));
        assertThat(Exec.ip(pod.name(), "route", "show", "default")).contains("169.254.1.1", "eth0");
        assertThat(h.del("e7e1000001", pod, "multi").exit()).isZero();
        assertThat(hostVeths()).isZero();
        assertThat(handles()).isZero();
        assertThat(endpoints()).isZero();
    }

    /** Calico's DEL for an old sandbox: the pod's WorkloadEndpoint now names another container and stays wired. */
    @Test
    void delOfAnOldSandboxLeavesTheNewOneAlone() throws Exception {
        Netns pod = h.createNetns();
        ShimRun add = h.add("0e70000002", pod, "reborn");
        assertThat(add.exit()).isZero();
        assertThat(h.del("0e70000001", null, "reborn").exit()).isZero();
        assertThat(endpoints()).isEqualTo(1);
        assertThat(handles()).isEqualTo(1);
        assertThat(h.hostIp("link", "show")).contains(VethNames.forPod("default", "reborn"));
        assertThat(h.del("0e70000002", pod, "reborn").exit()).isZero();
    }
}
