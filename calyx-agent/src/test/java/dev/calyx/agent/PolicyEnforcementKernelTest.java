package dev.calyx.agent;

import dev.calyx.testkit.Exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.agent.cni.ShimRun;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.model.Kind;
import dev.calyx.model.codec.ResourceCodec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy pipeline end to end: datastore → syncer → calc graph → nft table in the node namespace, with pods
 * attached by the real shim. Probes are pings from pods in other namespaces (ICMP is policed like any protocol).
 */
@Tag("kernel")
class PolicyEnforcementKernelTest {
    private static final String DENY = """
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny","namespace":"prod"},
             "spec":{"podSelector":{},"policyTypes":["Ingress"]}}""";
    private static final String ALLOW_FROM_FRONT = """
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"allow","namespace":"prod"},
             "spec":{"podSelector":{},"policyTypes":["Ingress"],"ingress":[{"from":[{"namespaceSelector":
             {"matchLabels":{"kubernetes.io/metadata.name":"front"}}}]}]}}""";

    @TempDir
    java.nio.file.Path tmp;
    AgentHarness h;

    @BeforeEach
    void setUp() {
        h = new AgentHarness(tmp);
        h.start();
        for (String ns : new String[] {"front", "other", "prod"}) {
            put("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns
                    + "\",\"labels\":{\"kubernetes.io/metadata.name\":\"" + ns + "\"}}}");
        }
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void defaultDenyHoldsFromTheFirstPacketAndPoliciesOpenAndCloseTraffic() throws Exception {
        put(DENY);
        Pod front = add("front", "client");
        Pod other = add("other", "intruder");
        // the intruder pings the address the server is about to get from before its ADD until after it returned
        java.nio.file.Path earlyLog = tmp.resolve("early-ping.log");
        Process early = pingLoop(other, nextAddress(other.ip), earlyLog);
        Pod server = add("prod", "server");
        assertThat(server.ip).isEqualTo(nextAddress(other.ip));
        boolean anyReply = pingOnce(front, server.ip) | pingOnce(other, server.ip);
        early.waitFor();
        String earlyOut = java.nio.file.Files.readString(earlyLog);
        assertThat(earlyOut).contains("packets transmitted").contains(" 0 packets received");
        assertThat(anyReply).as("a default-deny pod answered").isFalse();

        put(ALLOW_FROM_FRONT);
        eventually(() -> pingOnce(front, server.ip));
        assertThat(pingOnce(other, server.ip)).as("allow opens only traffic from namespace front").isFalse();

        delete("deny");
        delete("allow");
        eventually(() -> pingOnce(other, server.ip));
    }

    @Test
    void restartKeepsEnforcementAndReconcilesAfterTheFirstSync() throws Exception {
        put(DENY);
        Pod front = add("front", "client");
        Pod server = add("prod", "server");
        assertThat(pingOnce(front, server.ip)).isFalse();
        h.stop();
        assertThat(nftTable()).contains("table inet calyx");
        assertThat(pingOnce(front, server.ip)).as("stopping the agent must not open the pod").isFalse();
        put(ALLOW_FROM_FRONT); // written while the agent is down: picked up by the new first sync
        h.start();
        eventually(() -> pingOnce(front, server.ip));
        delete("allow");
        eventually(() -> !pingOnce(front, server.ip));
    }

    /** Polls {@code condition} for up to 15 s (convergence through the watch), failing when it never holds. */
    private static void eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("condition never held within 15 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private record Pod(Netns ns, String ip) {
    }

    private Pod add(String namespace, String name) throws Exception {
        Netns ns = h.createNetns();
        Map<String, String> env = AgentHarness.env("ADD", "cid-" + name, ns, name);
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=" + namespace + ";K8S_POD_NAME=" + name);
        ShimRun run = h.shim(env, AgentHarness.conf("1.0.0"));
        assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
        String cidr = run.json().path("ips").get(0).path("address").asText();
        return new Pod(ns, cidr.substring(0, cidr.indexOf('/')));
    }

    private static String nextAddress(String ip) {
        int dot = ip.lastIndexOf('.');
        return ip.substring(0, dot + 1) + (Integer.parseInt(ip.substring(dot + 1)) + 1);
    }

    private static Process pingLoop(Pod from, String to, java.nio.file.Path log) throws java.io.IOException {
        return new ProcessBuilder("ip", "netns", "exec", from.ns.name(), "busybox", "ping", "-i", "0.02", "-w", "4",
                to).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean pingOnce(Pod from, String to) {
        return Exec.run("ip", "netns", "exec", from.ns.name(), "busybox", "ping", "-c1", "-W1", to)
                .exit() == 0;
    }

    private String nftTable() {
        return Exec.run("ip", "netns", "exec", h.host.name(), "nft", "list", "table", "inet", "calyx")
                .out();
    }

    private void put(String json) {
        try (KvStore kv = h.openStore()) {
            new Resources(kv).apply(ResourceCodec.INSTANCE.decode(json, "test"));
        }
    }

    private void delete(String name) {
        try (KvStore kv = h.openStore()) {
            new Resources(kv).delete(Kind.KUBERNETES_NETWORK_POLICY, "prod", name, null);
        }
    }
}
