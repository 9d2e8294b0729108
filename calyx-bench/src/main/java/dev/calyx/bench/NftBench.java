package dev.calyx.bench;

import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftBackends;
import dev.calyx.kernel.nft.NftBaseChain;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftFamily;
import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTable;
import dev.calyx.kernel.nft.NftTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Exec against library nftables backend, in a scratch namespace {@code calyx-b-nft-<random6>} that is removed at
 * the end: (a) one transaction of 5,000 rules and a 10,000-element interval set, (b) one-element transactions per
 * second, on a small table and next to the big one, (c) listing the big table back, and one chain of it. Each figure is printed with the exec/lib ratio measured in the same run.
 *
 * <p>Run: {@code java -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*' dev.calyx.bench.NftBench}
 * (as root, after {@code mvn -pl calyx-bench -am package -DskipTests}).
 */
public final class NftBench {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx-bench");
    private static final NftSetSpec BIG = NftSetSpec.set("big-src", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
    private static final NftTable SMALL = new NftTable(NftFamily.INET, "calyx-bench-small");
    private static final NftSetSpec INC = NftSetSpec.set("inc-src", NftDataType.IPV4_ADDR);
    private static final int RULES = 5_000;
    private static final int ELEMENTS = 10_000;
    private static final int ROUNDS = 3;

    private NftBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        String ns = "calyx-b-nft-" + HexFormat.of().formatHex(b);
        run("ip", "netns", "add", ns);
        Optional<Path> path = Optional.of(Path.of("/var/run/netns", ns));
        try (NftBackend exec = NftBackends.create("exec", path); NftBackend lib = NftBackends.create("lib", path)) {
            NftBackend[] backends = {exec, lib};
            System.out.println("nftables backends, scratch netns " + ns + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, load " + loadAverage());
            System.out.printf("build and render the big transaction (best of 10, warm): %.1f ms%n", timeRender() / 1e6);
            double[] small = {incrementalPerSecond(exec, 2.0), incrementalPerSecond(lib, 2.0)};
            print("(b) one-element transactions, small table", small);
            double[][] big = new double[2][ROUNDS];
            double[][] list = new double[2][ROUNDS];
            double[][] chain = new double[2][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < 2; k++) {
                    big[k][r] = bigTransactionMillis(backends[k]);
                    list[k][r] = listMillis(backends[k]);
                    chain[k][r] = listChainMillis(backends[k]);
                }
            }
            System.out.printf("(a) %,d rules + %,d-element interval set, one transaction (median of %d, interleaved): "
                    + "exec %.1f ms, lib %.1f ms, exec/lib %.2fx%n", RULES, ELEMENTS, ROUNDS, median(big[0]),
                    median(big[1]), median(big[0]) / median(big[1]));
            System.out.printf("(c) list that table as JSON and parse it (median of %d): exec %.1f ms, lib %.1f ms, exec/lib %.2fx%n",
                    ROUNDS, median(list[0]), median(list[1]), median(list[0]) / median(list[1]));
            System.out.printf("(c') list one 2-rule chain of that table (median of %d): exec %.1f ms, lib %.1f ms, exec/lib %.2fx%n",
                    ROUNDS, median(chain[0]), median(chain[1]), median(chain[0]) / median(chain[1]));
            double[] loaded = {incrementalPerSecond(exec, 2.0), incrementalPerSecond(lib, 2.0)};
            print("(b') one-element transactions, next to the big table", loaded);
            System.out.println("load after: " + loadAverage());
            exec.apply(new NftTransaction().deleteTableIfExists(T).deleteTableIfExists(SMALL));
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private static void print(String what, double[] perSecond) {
        System.out.printf("%s: exec %,.0f/s (%.2f ms each), lib %,.0f/s (%.2f ms each), lib/exec %.1fx%n", what,
                perSecond[0], 1000 / perSecond[0], perSecond[1], 1000 / perSecond[1], perSecond[1] / perSecond[0]);
    }

    private static String loadAverage() throws IOException {
        return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static NftTransaction bigTransaction() {
        NftTransaction tx = new NftTransaction().deleteTableIfExists(T).addTable(T)
                .addBaseChain(T, "filter-FORWARD", NftBaseChain.filter(NftBaseChain.Hook.FORWARD, 0, NftBaseChain.Policy.ACCEPT))
                .addChain(T, "pol")
                .addSet(T, BIG, IntStream.range(0, ELEMENTS).mapToObj(i -> "10." + (i / 256) + "." + (i % 256) + ".0/24").toList())
                .addRule(T, "filter-FORWARD", "ct state established,related accept", "ct")
                .addRule(T, "filter-FORWARD", "jump pol", "to-pol");
        for (int i = 0; i < RULES; i++) {
            tx.addRule(T, "pol", "ip saddr @big-src ip daddr 172.16." + (i / 250) + "." + (i % 250) + " tcp dport "
                    + (1024 + i) + " counter accept", "r" + i);
        }
        return tx;
    }

    /** Best of 10 builds + renders; the first (cold JIT, class loading) is several times slower. */
    private static long timeRender() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            bigTransaction().script();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    private static double bigTransactionMillis(NftBackend nft) {
        NftTransaction tx = bigTransaction();
        tx.script();
        long t0 = System.nanoTime();
        nft.apply(tx);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double listMillis(NftBackend nft) {
        long t0 = System.nanoTime();
        int rules = nft.list(T).orElseThrow().rules().size();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rules != RULES + 2) {
            throw new IllegalStateException("listed " + rules + " rules, expected " + (RULES + 2));
        }
        return ms;
    }

    private static double listChainMillis(NftBackend nft) {
        long t0 = System.nanoTime();
        int rules = nft.listChain(T, "filter-FORWARD").orElseThrow().rules().size();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rules != 2) {
            throw new IllegalStateException("listed " + rules + " rules in filter-FORWARD, expected 2");
        }
        return ms;
    }

    /** Adds one element per transaction for about {@code seconds}, to a fresh set in its own table. */
    private static double incrementalPerSecond(NftBackend nft, double seconds) {
        nft.apply(new NftTransaction().deleteTableIfExists(SMALL).addTable(SMALL).addSet(SMALL, INC));
        for (int i = 0; i < 10; i++) {
            nft.apply(new NftTransaction().addElements(SMALL, INC, List.of("192.169.0." + i)));
        }
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        int n = 0;
        while (n < 20 || System.nanoTime() < deadline) {
            nft.apply(new NftTransaction().addElements(SMALL, INC, List.of("192.168." + (n / 250 % 250) + "." + (n % 250))));
            n++;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
    }
}
