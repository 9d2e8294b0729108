package dev.calyx.agent;

import dev.calyx.testkit.Exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.agent.cni.ShimRun;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.ipam.IpamClient;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.model.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent across restarts and outages, STATUS/GC, health and metrics. */
@Tag("kernel")
class NodeAgentLifecycleKernelTest {
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

    private static String ip(ShimRun add) throws Exception {
        return add.json().at("/ips/0/address").asText().replace("/32", "");
    }

    /** Restart keeps running pods connected, removes stale veths, and a later DEL still cleans up. */
    @Test
    void restartKeepsEndpointsAndTheirDelStillCleansUp() throws Exception {
        Netns p1 = h.createNetns();
        Netns p2 = h.createNetns();
        String ip1 = ip(h.add("4e5700001", p1, "keep-1"));
        String ip2 = ip(h.add("4e5700002", p2, "keep-2"));
        h.stop();
        Exec.ip(h.host.name(), "link", "add", "cali00stale00", "type", "veth", "peer", "name",
                "stale-peer");
        assertThat(Exec.ping(p1.name(), ip2)).as("pods talk while the agent is down").isTrue();

        h.start();
        String links = h.hostIp("link", "show");
        assertThat(links).contains(VethNames.forPod("default", "keep-1"), VethNames.forPod("default", "keep-2"))
                .doesNotContain("cali00stale00");
        assertThat(h.hostIp("route", "show", ip1)).contains(VethNames.forPod("default", "keep-1"));
        assertThat(Exec.ping(p2.name(), ip1)).as("pods talk after the restart").isTrue();

        assertThat(h.del("4e5700001", p1, "keep-1").exit()).isZero();
        assertThat(h.hostIp("link", "show")).doesNotContain(VethNames.forPod("default", "keep-1"));
        assertThat(h.hostIp("route", "show")).doesNotContain(ip1 + " ");
        try (KvStore kv = h.openStore()) {
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.4e5700001")).isEmpty();
        }
    }

    /** A DEL the shim queued while the agent was down is replayed when the agent starts. */
    @Test
    void delQueuedWhileDownIsReplayedAtStart() throws Exception {
        Netns pod = h.createNetns();
        h.add("9e0e00001", pod, "queued");
        h.stop();
        ShimRun del = h.del("9e0e00001", pod, "queued");
        assertThat(del.exit()).as(del.stdout() + del.stderr()).isZero();
        try (Stream<Path> files = Files.list(h.queue)) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertThat(h.hostIp("link", "show")).contains(VethNames.forPod("default", "queued"));

        h.start();
        assertThat(h.hostIp("link", "show")).doesNotContain(VethNames.forPod("default", "queued"));
        try (Stream<Path> files = Files.list(h.queue); KvStore kv = h.openStore()) {
            assertThat(files.count()).isZero();
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.9e0e00001")).isEmpty();
            assertThat(new Resources(kv).list(Kind.WORKLOAD_ENDPOINT, null)).isEmpty();
        }
    }

    /** Item 34: STATUS is 0 with an enabled pool and code 50 without one. */
    @Test
    void statusNeedsAnEnabledPool() throws Exception {
        Map<String, String> env = Map.of("CNI_COMMAND", "STATUS", "CNI_PATH", "/usr/lib/cni");
        assertThat(h.shim(env, AgentHarness.conf("1.1.0")).exit()).isZero();
        try (KvStore kv = h.openStore()) {
            new Resources(kv).delete(Kind.IP_POOL, null, "default-ipv4-ippool", null);
        }
        ShimRun notReady = h.shim(env, AgentHarness.conf("1.1.0"));
        assertThat(notReady.exit()).isNotZero();
        assertThat(notReady.json().get("code").asInt()).isEqualTo(50);
    }

    /** Item 35: GC releases this network's attachments missing from the valid list and keeps the listed one. */
    @Test
    void gcReleasesAttachmentsNotListed() throws Exception {
        Netns a = h.createNetns();
        Netns b = h.createNetns();
        h.add("9c0000a01", a, "gc-a");
        h.add("9c0000b01", b, "gc-b");
        String gc = "{\"cniVersion\":\"1.1.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\",\"ipam\":{\"type\":"
                + "\"calyx-ipam\"},\"cni.dev/valid-attachments\":"
                + "[{\"containerID\":\"9c0000a01\",\"ifname\":\"eth0\"}]}";
        ShimRun run = h.shim(Map.of("CNI_COMMAND", "GC", "CNI_PATH", "/usr/lib/cni"), gc);
        assertThat(run.exit()).as(run.stdout()).isZero();
        String links = h.hostIp("link", "show");
        assertThat(links).contains(VethNames.forPod("default", "gc-a"))
                .doesNotContain(VethNames.forPod("default", "gc-b"));
        try (KvStore kv = h.openStore()) {
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.9c0000a01")).hasSize(1);
            assertThat(IpamClient.over(kv).ipsByHandle("k8s-pod-network.9c0000b01")).isEmpty();
        }
    }

    /** Readiness, liveness, and a scrape that counts the CNI requests just made. */
    @Test
    void healthAndMetrics() throws Exception {
        assertThat(AgentHarness.http(h.agent.healthPort(), "/readiness")).startsWith("200");
        assertThat(AgentHarness.http(h.agent.healthPort(), "/liveness")).startsWith("200");
        Netns pod = h.createNetns();
        h.add("3e7000001", pod, "scraped");
        String metrics = AgentHarness.http(h.agent.metricsPort(), "/metrics");
        assertThat(metrics).startsWith("200")
                .contains("calyx_cni_requests_total{command=\"ADD\",result=\"ok\"} 1.0")
                .contains("calyx_cni_request_duration_seconds_count{command=\"ADD\"} 1")
                .contains("calyx_endpoints 1.0")
                .contains("calyx_ipam_blocks 1.0");
        h.del("3e7000001", pod, "scraped");
        assertThat(AgentHarness.http(h.agent.metricsPort(), "/metrics")).contains("calyx_endpoints 0.0");
    }

    /** A fresh datastore gets a default pool; 10.244.0.0/16 is skipped when a route on the node overlaps it. */
    @Test
    void defaultPoolAvoidsRoutesOnTheNode() throws Exception {
        h.stop();
        try (KvStore kv = h.openStore()) {
            new Resources(kv).delete(Kind.IP_POOL, null, "default-ipv4-ippool", null);
        }
        h.hostIp("route", "add", "10.244.0.0/16", "via", "192.168.78.254");
        h.start();
        try (KvStore kv = h.openStore()) {
            var pool = (dev.calyx.model.IPPool) new Resources(kv).get(Kind.IP_POOL, null, "default-ipv4-ippool")
                    .orElseThrow();
            assertThat(pool.spec().cidr()).isEqualTo("10.245.0.0/16");
        }
    }
}
