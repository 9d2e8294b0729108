package dev.calyx.bench;

import dev.calyx.dataplane.endpoint.EndpointSpec;
import dev.calyx.dataplane.endpoint.EndpointWiring;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Endpoint wire+unwire cycles per second: {@code EndpointWiring} (FFM netlink, one handle per namespace) against
 * the same wiring done by {@code ip}/{@code sysctl} processes the way a shell-scripted CNI plugin would, in the same
 * run, in scratch namespaces {@code calyx-b-ep-<random>} (a "host" and a "pod"), deleted at the end whatever happens.
 *
 * <pre>
 * mvn -B -q -o -pl calyx-bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*' \
 *      dev.calyx.bench.EndpointBench [scale]
 * </pre>
 * One cycle = Calico's ADD dataplane steps for one IPv4 workload (veth into the pod, MAC ee:ee:…, host sysctls, both
 * ends up, 169.254.1.1 scope link + default route, /32 address, container sysctl, host /32 route) then DEL (delete the
 * container interface). The {@code ip} anchor needs 10 processes per cycle.
 */
public final class EndpointBench {
    private EndpointBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String hostName = "calyx-b-ep-" + HexFormat.of().formatHex(random);
        String podName = hostName + "-p";
        try (Netns host = Netns.create(hostName); Netns pod = Netns.create(podName);
             FfmRtNetlink hostNl = FfmRtNetlink.openIn(host)) {
            Sysctl.set(host, "net/ipv4/ip_forward", "1");
            System.out.printf("calyx endpoint bench: netns %s and %s, %d cores, %s%n", hostName, podName,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            EndpointWiring wiring = EndpointWiring.onHost(hostNl);
            cyclesFfm(wiring, pod, 20); // warm-up: JIT, FFM linkage
            double ffm = cyclesFfm(wiring, pod, 200 * scale);
            cyclesIp(hostName, podName, 3);
            double ip = cyclesIp(hostName, podName, 30 * scale);
            System.out.printf(Locale.ROOT, "%-30s EndpointWiring %8.1f/s (%6.2f ms)   ip exec %6.1f/s (%6.2f ms)"
                    + "   ratio %5.1fx%n", "endpoint wire+unwire cycles", ffm, 1000 / ffm, ip, 1000 / ip, ffm / ip);
        } finally {
            Netns.delete(podName);
            Netns.delete(hostName);
        }
    }

    private static double cyclesFfm(EndpointWiring wiring, Netns pod, int cycles) {
        long start = System.nanoTime();
        long adding = 0;
        for (int i = 0; i < cycles; i++) {
            EndpointSpec spec = EndpointSpec.of(VethNames.forPod("bench", "pod-" + i), "eth0",
                    Netns.RUN_DIR.resolve(pod.name()), List.of(IpPrefix.parse(address(i) + "/32"))).mtu(1450);
            long before = System.nanoTime();
            wiring.add(spec);
            adding += System.nanoTime() - before;
            wiring.delete(spec.ref());
        }
        long total = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "  EndpointWiring, %d cycles: add %.2f ms, delete %.2f ms per endpoint%n",
                cycles, adding / 1e6 / cycles, (total - adding) / 1e6 / cycles);
        return cycles / (total / 1e9);
    }

    private static double cyclesIp(String host, String pod, int cycles) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deleting = 0;
        for (int i = 0; i < cycles; i++) {
            String veth = VethNames.forPod("bench-ip", "pod-" + i);
            String ip = address(i);
            run("ip", "-n", host, "link", "add", veth, "mtu", "1450", "address", "ee:ee:ee:ee:ee:ee", "type", "veth",
                    "peer", "name", "eth0", "mtu", "1450", "netns", pod);
            run("ip", "netns", "exec", host, "sysctl", "-q", "-w", "net.ipv4.conf." + veth + ".route_localnet=1",
                    "net.ipv4.neigh." + veth + ".proxy_delay=0", "net.ipv4.conf." + veth + ".proxy_arp=1",
                    "net.ipv4.conf." + veth + ".forwarding=1", "net.ipv6.conf." + veth + ".accept_ra=0");
            run("ip", "-n", host, "link", "set", veth, "up");
            run("ip", "-n", pod, "link", "set", "eth0", "up");
            run("ip", "-n", pod, "route", "add", "169.254.1.1", "dev", "eth0", "scope", "link");
            run("ip", "-n", pod, "route", "add", "default", "via", "169.254.1.1", "dev", "eth0");
            run("ip", "-n", pod, "addr", "add", ip + "/32", "dev", "eth0");
            run("ip", "netns", "exec", pod, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
            run("ip", "-n", host, "route", "add", ip + "/32", "dev", veth, "scope", "link", "proto", "80");
            long before = System.nanoTime();
            run("ip", "-n", pod, "link", "del", "eth0");
            deleting += System.nanoTime() - before;
        }
        long total = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "  ip exec, %d cycles: add %.2f ms, delete %.2f ms per endpoint%n", cycles,
                (total - deleting) / 1e6 / cycles, deleting / 1e6 / cycles);
        return cycles / (total / 1e9);
    }

    private static String address(int i) {
        return "10.244." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out));
        }
    }
}
