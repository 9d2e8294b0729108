package dev.calyx.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.cli.CliRun;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftBackends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install and uninstall against a temporary host root and a scratch network namespace holding calyx's objects
 * (cali veth, proto-80 routes, the inet calyx table) next to foreign ones that must survive.
 */
@Tag("kernel")
class InstallUninstallTest {
    @TempDir Path root;
    String ns;
    HostLayout layout;

    @BeforeEach
    void scratch() throws Exception {
        ns = "calyx-t-in-" + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xefffff));
        ip("netns", "add", ns);
        layout = HostLayout.under(root);
        Files.createDirectories(layout.nmConfDir());
        Files.createDirectories(layout.cniConfDir());
        Files.writeString(layout.cniConfDir().resolve("99-other.conflist"), "{\"name\":\"other\"}");
    }

    @AfterEach
    void cleanup() throws Exception {
        ip("netns", "del", ns);
    }

    @Test
    void installIsIdempotentAndDryRunChangesNothing() throws Exception {
        List<Path> before = tree();
        List<Installer.Step> dry = installer().install(true, new ArrayList<>());
        assertThat(tree()).isEqualTo(before);
        assertThat(dry).extracting(Installer.Step::action).anyMatch(a -> a.startsWith("would write conflist"));

        installer().install(false, new ArrayList<>());
        String conflist = Files.readString(layout.conflist());
        assertThat(conflist).contains("\"cniVersion\": \"1.0.0\"", "\"type\": \"calyx\"", "\"calyx-ipam\"");
        for (Path dir : layout.cniBinDirs()) {
            assertThat(dir.resolve("calyx")).isExecutable().hasContent(STUB_WRAPPER.strip());
        }
        assertThat(layout.nmFile()).content().contains("unmanaged-devices+=interface-name:cali*");
        assertThat(layout.manifest()).exists();

        List<Path> installed = tree();
        List<Installer.Step> again = installer().install(false, new ArrayList<>());
        assertThat(tree()).isEqualTo(installed);
        assertThat(again).filteredOn(s -> s.action().startsWith("wrote")).isEmpty();
        assertThat(again).filteredOn(s -> s.action().contains("unchanged")).hasSize(4);
    }

    @Test
    void noNetworkManagerFileWithoutNetworkManager() throws Exception {
        Files.delete(layout.nmConfDir());
        Files.delete(layout.nmConfDir().getParent());
        installer().install(false, new ArrayList<>());
        assertThat(layout.nmFile()).doesNotExist();
    }

    @Test
    void uninstallRemovesExactlyCalyxsObjectsAndVerifies() throws Exception {
        installer().install(false, new ArrayList<>());
        Files.createDirectories(layout.runDir());
        Files.writeString(layout.runDir().resolve("agent.pid"), "999999999\n"); // stale: must not signal anything
        Files.writeString(layout.stateDir().resolve("calyx.db"), "data");
        inNs("ip", "link", "add", "cali0123456789a", "type", "veth", "peer", "name", "peer0");
        inNs("ip", "link", "set", "cali0123456789a", "up");
        inNs("ip", "route", "add", "10.244.0.5/32", "dev", "cali0123456789a", "proto", "80", "scope", "link");
        inNs("ip", "link", "add", "foreign0", "type", "veth", "peer", "name", "foreign1");
        inNs("ip", "link", "set", "foreign0", "up");
        inNs("ip", "route", "add", "10.99.0.0/24", "dev", "foreign0", "proto", "static");
        inNs("ip", "route", "add", "10.98.0.0/24", "dev", "foreign0", "proto", "80", "table", "100");
        inNs("nft", "add", "table", "inet", "calyx");
        inNs("nft", "add", "table", "inet", "foreign");

        String kernelBefore = inNs("ip", "-o", "link") + inNs("ip", "route", "show", "table", "all");
        List<Path> filesBefore = tree();
        CliRun dry = uninstallCli("--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("link cali0123456789a", "route 10.244.0.5/32 dev cali0123456789a proto 80",
                "route 10.98.0.0/24 dev foreign0 proto 80 table 100", "nft table inet calyx",
                layout.conflist().toString(), layout.nmFile().toString());
        assertThat(dry.out()).doesNotContain("10.99.0.0", "foreign0 (", "99-other", "inet foreign");
        assertThat(inNs("ip", "-o", "link") + inNs("ip", "route", "show", "table", "all")).isEqualTo(kernelBefore);
        assertThat(tree()).isEqualTo(filesBefore);

        CliRun run = uninstallCli();
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: nothing of calyx remains");
        assertThat(inNs("ip", "-o", "link")).doesNotContain("cali").contains("foreign0");
        assertThat(inNs("ip", "route", "show", "table", "all")).doesNotContain("proto 80").contains("10.99.0.0/24");
        assertThat(inNs("nft", "list", "tables")).doesNotContain("inet calyx").contains("inet foreign");
        assertThat(layout.cniConfDir().resolve("99-other.conflist")).exists();
        assertThat(layout.conflist()).doesNotExist();
        assertThat(layout.nmFile()).doesNotExist();
        assertThat(layout.stateDir()).doesNotExist();
        assertThat(layout.runDir()).doesNotExist();
        assertThat(layout.shimDir()).doesNotExist();
        layout.cniBinDirs().forEach(d -> assertThat(d.resolve("calyx")).doesNotExist());
        assertThat(tree()).as("only what the test made itself remains").containsExactlyInAnyOrder(root,
                root.resolve("etc"), root.resolve("etc/NetworkManager"), layout.nmConfDir(), root.resolve("etc/cni"),
                layout.cniConfDir(), layout.cniConfDir().resolve("99-other.conflist"));

        CliRun twice = uninstallCli();
        assertThat(twice.exit()).isZero();
        assertThat(twice.out()).contains("nothing of calyx was installed");
    }

    @Test
    void keepDataKeepsTheDatastoreButNotTheManifest() throws Exception {
        installer().install(false, new ArrayList<>());
        Files.writeString(layout.stateDir().resolve("calyx.db"), "data");
        CliRun run = uninstallCli("--keep-data");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(layout.stateDir().resolve("calyx.db")).hasContent("data");
        assertThat(layout.manifest()).doesNotExist();
        assertThat(layout.conflist()).doesNotExist();
    }

    @Test
    void verificationReportsWhatCouldNotBeRemoved() throws Exception {
        try (Netns n = Netns.open(ns); FfmRtNetlink nl = FfmRtNetlink.openIn(n);
             NftBackend nft = NftBackends.create(Optional.of(Netns.RUN_DIR.resolve(ns)))) {
            inNs("ip", "link", "add", "caliabcdef01234", "type", "veth", "peer", "name", "peer1");
            KernelTraces traces = new KernelTraces(nl, nft);
            assertThat(traces.find()).extracting(KernelTraces.Trace::describe)
                    .containsExactly("link caliabcdef01234 (veth)");
            // a trace re-created after removal (an agent still running elsewhere) shows up in the check
            Uninstaller u = new Uninstaller(layout, traces, false);
            u.run();
            inNs("ip", "link", "add", "caliabcdef01234", "type", "veth", "peer", "name", "peer1");
            assertThat(u.remaining()).containsExactly("link caliabcdef01234 (veth)");
        }
    }

    static final String STUB_WRAPPER = "#!/bin/sh\nexec /bin/false\n";

    Installer installer() {
        Installer.ShimBuilder stub = (dir, socket, queue) -> {
            try {
                Files.createDirectories(dir);
                Path w = dir.resolve("calyx");
                if (!Files.exists(w)) {
                    Files.writeString(w, STUB_WRAPPER);
                }
                return List.of("stub build into " + dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return new Installer(layout, stub, layout.cniSocket(), layout.delQueue(), 0);
    }

    CliRun uninstallCli(String... extra) {
        List<String> args = new ArrayList<>(List.of("uninstall", "--host-root", root.toString(), "--netns", ns));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    List<Path> tree() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().toList();
        }
    }

    String inNs(String... cmd) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(cmd));
        return exec(full);
    }

    static String ip(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip"));
        full.addAll(List.of(args));
        return exec(full);
    }

    static String exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }
}
