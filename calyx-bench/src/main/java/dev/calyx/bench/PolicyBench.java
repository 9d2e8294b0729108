package dev.calyx.bench;

import dev.calyx.calc.CalcGraph;
import dev.calyx.dataplane.policy.PolicyManager;
import dev.calyx.dataplane.policy.PolicyNames;
import dev.calyx.dataplane.policy.RenderedTable;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftBackends;
import dev.calyx.kernel.nft.NftFamily;
import dev.calyx.kernel.nft.NftTable;
import dev.calyx.kernel.nft.NftTransaction;
import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nftables policy dataplane end to end: a synthetic cluster (E workload endpoints on this node spread over 100
 * namespaces, P namespaced policies, each selecting the endpoints of one app and allowing TCP/80 from one of 50
 * roles) fed to the real {@link CalcGraph}, rendered by {@link PolicyManager} and applied with ONE nft transaction
 * into a scratch namespace {@code calyx-b-po-<random6>} (removed at the end). Per size: calc + render time, the
 * apply, kernel object counts; then one endpoint added → programmed (calc + incremental transaction), p50/p99.
 * Every time is also printed as a ratio to an anchor measured in the same run: the apply of an empty-table
 * transaction ({@code add table}), i.e. the fixed cost of one {@code nft -f}.
 *
 * <p>Run (as root, after {@code mvn -pl calyx-bench -am package -DskipTests}):
 * {@code java --enable-native-access=ALL-UNNAMED -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*'
 * dev.calyx.bench.PolicyBench [ExP,... [exec|lib]]} (default {@code 1000x100,10000x1000 exec}).
 */
public final class PolicyBench {
    private static final int NAMESPACES = 100;
    private static final int ROLES = 50;
    private static final int INCREMENTAL_ROUNDS = 40;

    private PolicyBench() {
    }

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "1000x100,10000x1000";
        String backend = args.length > 1 ? args[1] : "exec";
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        String ns = "calyx-b-po-" + HexFormat.of().formatHex(b);
        exec("ip", "netns", "add", ns);
        try (NftBackend nft = NftBackends.create(backend, Optional.of(Path.of("/var/run/netns", ns)))) {
            System.out.println("policy dataplane, " + backend + " backend, scratch netns " + ns + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, load " + load());
            double anchor = anchorMillis(nft);
            System.out.printf("anchor: apply of a one-command transaction (median of 15): %.2f ms%n", anchor);
            for (String size : sizes.split(",")) {
                String[] ep = size.split("x");
                run(nft, Integer.parseInt(ep[0]), Integer.parseInt(ep[1]), anchor);
            }
            System.out.println("load after: " + load());
        } finally {
            exec("ip", "netns", "del", ns);
        }
    }

    private static void run(NftBackend nft, int endpoints, int policies, double anchor) {
        nft.apply(new NftTransaction().deleteTableIfExists(PolicyNames.TABLE));
        PolicyManager manager = new PolicyManager(nft);
        CalcGraph graph = new CalcGraph("bench-node", manager);
        long t0 = System.nanoTime();
        for (int n = 0; n < NAMESPACES; n++) {
            graph.onUpdate(new KubernetesNamespace(ObjectMeta.named("ns" + n), null, null));
        }
        for (int p = 0; p < policies; p++) {
            graph.onUpdate(policy(p));
        }
        for (int e = 0; e < endpoints; e++) {
            graph.onUpdate(endpoint(e, policies));
        }
        graph.flush();
        long t1 = System.nanoTime();
        NftTransaction tx = manager.apply();
        long t2 = System.nanoTime();
        RenderedTable table = manager.appliedTable();
        double calc = (t1 - t0) / 1e6;
        double apply = (t2 - t1) / 1e6;
        System.out.printf("%,d endpoints x %,d policies: calc+render %.0f ms (%.0fx anchor), plan+apply one "
                        + "transaction of %,d commands %.0f ms (%.0fx anchor), total %.1f s; kernel objects: %,d chains, "
                        + "%,d rules, %,d sets, %,d set+map elements%n", endpoints, policies, calc, calc / anchor,
                tx.size(), apply, apply / anchor, (calc + apply) / 1000, table.chains().size(), table.ruleCount(),
                table.sets().size(), table.elementCount());
        incremental(graph, manager, endpoints, policies, anchor);
        nft.apply(new NftTransaction().deleteTableIfExists(PolicyNames.TABLE));
    }

    private static void incremental(CalcGraph graph, PolicyManager manager, int endpoints, int policies,
                                    double anchor) {
        double[] ms = new double[INCREMENTAL_ROUNDS];
        double[] nftMs = new double[INCREMENTAL_ROUNDS];
        int ops = 0;
        for (int i = 0; i < INCREMENTAL_ROUNDS; i++) {
            long t0 = System.nanoTime();
            graph.onUpdate(endpoint(endpoints + i, policies));
            graph.flush();
            long t1 = System.nanoTime();
            ops = manager.apply().size();
            long t2 = System.nanoTime();
            ms[i] = (t2 - t0) / 1e6;
            nftMs[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(nftMs);
        double p50 = ms[ms.length / 2];
        double p99 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
        System.out.printf("  one endpoint added -> programmed (calc + incremental transaction of %d commands, %d "
                + "rounds): p50 %.1f ms (%.1fx anchor), p99 %.1f ms (%.1fx anchor); of which plan+apply p50 %.1f ms%n", ops,
                INCREMENTAL_ROUNDS, p50, p50 / anchor, p99, p99 / anchor, nftMs[nftMs.length / 2]);
    }

    private static NetworkPolicy policy(int p) {
        Rule allow = new Rule("Allow", null, Protocol.TCP, null, null, null,
                EntityRule.selecting("role == 'r" + (p % ROLES) + "'", null),
                EntityRule.EMPTY.withPorts(List.of(Port.parse("80"))), null, null);
        return new NetworkPolicy(ObjectMeta.namespaced("ns" + (p % NAMESPACES), "pol" + p), new NetworkPolicy.Spec(
                null, 100.0 + p, List.of(allow), List.of(), "app == 'a" + p + "'", null, null, null));
    }

    /** Endpoint e belongs to app a(e mod P), which lives in namespace ns(app mod 100): one policy selects it. */
    private static WorkloadEndpoint endpoint(int e, int policies) {
        int app = e % policies;
        String iface = String.format("cali%011x", e);
        var meta = ObjectMeta.namespaced("ns" + (app % NAMESPACES), "wep" + e)
                .withLabels(Map.of("app", "a" + app, "role", "r" + (e % ROLES)));
        String ip = "10." + (64 + (e >> 16)) + "." + ((e >> 8) & 0xff) + "." + (e & 0xff);
        return new WorkloadEndpoint(meta, new WorkloadEndpoint.Spec("k8s", null, "bench-node", null, "wep" + e,
                "eth0", null, List.of(ip + "/32"), null, null, null, null, iface, null, List.of(), null, null));
    }

    private static double anchorMillis(NftBackend nft) {
        NftTable anchor = new NftTable(NftFamily.INET, "calyx_anchor");
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            nft.apply(new NftTransaction().addTable(anchor));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        nft.apply(new NftTransaction().deleteTable(anchor));
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void exec(String... argv) throws java.io.IOException, InterruptedException {
        int rc = new ProcessBuilder(argv).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + rc);
        }
    }
}
