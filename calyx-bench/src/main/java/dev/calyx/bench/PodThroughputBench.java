package dev.calyx.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.lab.AgentPodNetwork;
import dev.calyx.lab.DatastorePolicySink;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabNamespaces;
import dev.calyx.lab.Pod;
import dev.calyx.lab.PodRef;
import dev.calyx.lab.PodSpec;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.codec.ResourceCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pod-to-pod TCP throughput through the real lab (one node running a real agent, pods attached by the real shim)
 * with no policy and with 1,000 policies loaded, against a bare veth pair between two scratch namespaces (the
 * machine's limit), as ratios from the same run; then CNI ADD → programmed latency (p50/p99) with the 1,000
 * policies in place.
 *
 * <pre>
 * mvn -B -q -o -pl calyx-bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*' \
 *      dev.calyx.bench.PodThroughputBench [policies] [adds]
 * </pre>
 * Policies: all but one select the server pod and admit TCP 5201 from one unrelated /32 each; one admits the client
 * pod, so the server is isolated and the flow is allowed by a policy, not by default. iperf3 runs 3 s per figure,
 * best of two. Everything lives in namespaces named {@code calyx-b-tp-*} / {@code calyx-lab-btp*}, removed at the end.
 */
public final class PodThroughputBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PodThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int policies = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int adds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        double bare = bareVeth("calyx-b-tp-" + id);
        Path state = Files.createTempDirectory("calyx-bench-tp-");
        LabConfig config = new LabConfig("calyx-lab-btp" + id + "-", state, IpPrefix.parse("10.99.0.0/16"),
                IpPrefix.parse("10.98.0.0/16"));
        try (AgentPodNetwork net = AgentPodNetwork.create(config, 1);
             DatastorePolicySink sink = new DatastorePolicySink(net.datastore())) {
            sink.applyNamespace("bench", Map.of());
            Pod client = attach(net, sink, "a");
            Pod server = attach(net, sink, "b");
            double none = best(server, client);
            for (int i = 0; i < policies; i++) {
                sink.applyPolicy(policy(i, i == 0));
            }
            awaitChains(net.nodes().getFirst(), policies);
            double loaded = best(server, client);
            List<Long> latencies = addLatencies(net, sink, adds);
            System.out.printf("bare veth pair            %8.2f Gbit/s (anchor)%n", bare / 1e9);
            System.out.printf("lab pods, no policy       %8.2f Gbit/s  %.2fx of bare veth%n", none / 1e9, none / bare);
            System.out.printf("lab pods, %d policies   %8.2f Gbit/s  %.2fx of bare veth, %.2fx of no policy%n",
                    policies, loaded / 1e9, loaded / bare, loaded / none);
            System.out.printf("ADD -> programmed (%d pods, %d policies loaded): p50 %d ms, p99 %d ms%n", adds,
                    policies, pct(latencies, 50), pct(latencies, 99));
        } finally {
            LabNamespaces.removeAll(config.prefix());
            run("rm", "-rf", state.toString());
        }
    }

    private static Pod attach(AgentPodNetwork net, DatastorePolicySink sink, String name) {
        PodSpec spec = new PodSpec(new PodRef("bench", name), Map.of("pod", name), List.of());
        Pod pod = net.attach(spec, 0);
        sink.applyPod(pod, spec, spec.labels());
        return pod;
    }

    private static KubernetesNetworkPolicy policy(int i, boolean client) {
        String from = client ? "{\"podSelector\":{\"matchLabels\":{\"pod\":\"a\"}}}"
                : "{\"ipBlock\":{\"cidr\":\"172.16." + (i / 250) + "." + (i % 250 + 1) + "/32\"}}";
        String json = "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\",\"metadata\":{\"name\":"
                + "\"p" + i + "\",\"namespace\":\"bench\"},\"spec\":{\"podSelector\":{\"matchLabels\":{\"pod\":\"b\"}},"
                + "\"policyTypes\":[\"Ingress\"],\"ingress\":[{\"from\":[" + from + "],\"ports\":[{\"protocol\":\"TCP\","
                + "\"port\":5201}]}]}}";
        return (KubernetesNetworkPolicy) ResourceCodec.INSTANCE.decode(json, "policy p" + i);
    }

    /** Waits until the node's table holds a chain per policy (the agent's convergence). */
    private static void awaitChains(String node, int policies) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            String chains = run("ip", "netns", "exec", node, "nft", "list", "table", "inet", "calyx");
            if (chains.split("\n\\s*chain ", -1).length > policies) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("policies never reached the table of " + node);
    }

    private static List<Long> addLatencies(AgentPodNetwork net, DatastorePolicySink sink, int adds) {
        List<Long> ms = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < adds; i++) {
            long t0 = System.nanoTime();
            pods.add(net.attach(new PodSpec(new PodRef("bench", "add" + i), Map.of(), List.of()), 0));
            ms.add((System.nanoTime() - t0) / 1_000_000);
        }
        pods.forEach(net::detach);
        return ms;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double best(Pod server, Pod client) throws IOException, InterruptedException {
        return Math.max(iperf(server.netns(), client.netns(), server.ip().getHostAddress()),
                iperf(server.netns(), client.netns(), server.ip().getHostAddress()));
    }

    private static double bareVeth(String prefix) throws IOException, InterruptedException {
        String a = prefix + "-a";
        String b = prefix + "-b";
        try (Netns na = Netns.create(a); Netns nb = Netns.create(b);
             FfmRtNetlink la = FfmRtNetlink.openIn(na); FfmRtNetlink lb = FfmRtNetlink.openIn(nb)) {
            la.addVeth(VethSpec.of("v0", "v1").peerIn(nb));
            la.setLinkUp("lo");
            lb.setLinkUp("lo");
            la.addAddress(Address.of(la.link("v0").index(), "10.250.0.1/24"));
            lb.addAddress(Address.of(lb.link("v1").index(), "10.250.0.2/24"));
            la.setLinkUp("v0");
            lb.setLinkUp("v1");
            return Math.max(iperf(b, a, "10.250.0.2"), iperf(b, a, "10.250.0.2"));
        } finally {
            Netns.delete(a);
            Netns.delete(b);
        }
    }

    /** One 3 s iperf3 run; the receiver's bits per second. */
    private static double iperf(String serverNs, String clientNs, String serverIp)
            throws IOException, InterruptedException {
        Process server = new ProcessBuilder("ip", "netns", "exec", serverNs, "iperf3", "-s", "-1", "-B", serverIp)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = "";
            for (int attempt = 0; attempt < 20; attempt++) {
                Thread.sleep(200);
                out = run("ip", "netns", "exec", clientNs, "iperf3", "-c", serverIp, "-t", "3", "-J");
                if (out.contains("sum_received")) {
                    return JSON.readTree(out).path("end").path("sum_received").path("bits_per_second").asDouble();
                }
            }
            throw new IllegalStateException("iperf3 " + clientNs + " -> " + serverIp + " failed: " + out);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
