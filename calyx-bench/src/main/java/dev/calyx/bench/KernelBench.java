package dev.calyx.bench;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Kernel-layer throughput: our FFM rtnetlink against {@code ip} processes, measured in the same run in a scratch
 * namespace (never the host's), which is deleted at the end whatever happens.
 *
 * <pre>
 * mvn -B -q -o -pl calyx-bench -am package -DskipTests
 * java -cp calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/* dev.calyx.bench.KernelBench [scale]
 * </pre>
 * {@code scale} (default 1) multiplies the iteration counts. Prints operations per second and the ratio; the
 * anchor is {@code ip -n NS ...}, what a shell-script CNI plugin would do per operation.
 */
public final class KernelBench {
    private KernelBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String name = "calyx-b-nl-" + HexFormat.of().formatHex(random);
        try (Netns ns = Netns.create(name); FfmRtNetlink nl = FfmRtNetlink.openIn(ns)) {
            nl.addVeth(VethSpec.of("bench0", "bench1"));
            nl.setLinkUp("bench0");
            nl.setLinkUp("bench1");
            int dev = nl.link("bench0").index();
            System.out.printf("calyx kernel bench: netns %s, %d cores, %s%n", name,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

            routesFfm(nl, dev, 2_000); // warm-up: JIT, FFM linkage
            double ffmRoutes = routesFfm(nl, dev, 20_000 * scale);
            routesIp(name, 20);
            double ipRoutes = routesIp(name, 200 * scale);
            report("route add+del pairs/s", ffmRoutes, ipRoutes);

            vethsFfm(nl, 20);
            double ffmVeths = vethsFfm(nl, 100 * scale);
            double ipVeths = vethsIp(name, 50 * scale);
            report("veth create+delete/s", ffmVeths, ipVeths);
        } finally {
            Netns.delete(name);
        }
    }

    private static void report(String what, double ffm, double ip) {
        System.out.printf(Locale.ROOT, "%-24s ffm %10.0f   ip exec %8.1f   ratio %6.1fx%n", what, ffm, ip, ffm / ip);
    }

    private static double routesFfm(FfmRtNetlink nl, int dev, int pairs) {
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            Route r = Route.to(IpPrefix.parse("10.200." + ((i >> 8) & 0xff) + "." + (i & 0xff) + "/32")).dev(dev);
            nl.addRoute(r);
            nl.deleteRoute(r);
        }
        return perSecond(pairs, start);
    }

    private static double routesIp(String ns, int pairs) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            String dst = "10.201." + ((i >> 8) & 0xff) + "." + (i & 0xff) + "/32";
            ip("ip", "-n", ns, "route", "add", dst, "dev", "bench0");
            ip("ip", "-n", ns, "route", "del", dst, "dev", "bench0");
        }
        return perSecond(pairs, start);
    }

    private static double vethsFfm(FfmRtNetlink nl, int pairs) {
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            nl.addVeth(VethSpec.of("bv" + i, "bp" + i));
            nl.deleteLink("bv" + i);
        }
        return perSecond(pairs, start);
    }

    private static double vethsIp(String ns, int pairs) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            ip("ip", "-n", ns, "link", "add", "iv" + i, "type", "veth", "peer", "name", "ip" + i);
            ip("ip", "-n", ns, "link", "del", "iv" + i);
        }
        return perSecond(pairs, start);
    }

    private static double perSecond(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static void ip(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out));
        }
    }
}
