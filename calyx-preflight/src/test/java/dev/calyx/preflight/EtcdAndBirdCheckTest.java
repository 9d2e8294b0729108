package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdAndBirdCheckTest {
    @TempDir Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableEndpointFailsWithTheAddress() throws IOException {
        int closed = freePort();
        PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withDatastore("etcd:http://127.0.0.1:" + closed);
        CheckResult r = new EtcdCheck().run(ctx).getFirst();
        assertThat(r.name()).isEqualTo("etcd http://127.0.0.1:" + closed);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("TCP connect to 127.0.0.1:" + closed + " failed");
    }

    @Test
    void nonEtcdDatastoreSkips() {
        PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withDatastore("embedded:/tmp/x.db");
        assertThat(new EtcdCheck().run(ctx).getFirst().status()).isEqualTo(Status.SKIP);
    }

    @Test
    @Tag("etcd")
    void realEtcdAnswersWithItsVersion() throws Exception {
        int client = freePort();
        int peer = freePort();
        Process etcd = new ProcessBuilder("/usr/bin/etcd", "--name", "calyx-t-pf", "--data-dir",
                tmp.resolve("etcd").toString(), "--listen-client-urls", "http://127.0.0.1:" + client,
                "--advertise-client-urls", "http://127.0.0.1:" + client, "--listen-peer-urls",
                "http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
                "--initial-cluster", "calyx-t-pf=http://127.0.0.1:" + peer)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("etcd.log").toFile()).start();
        try {
            waitForListener(client);
            PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN)
                    .withDatastore("etcd:http://127.0.0.1:" + client);
            CheckResult r = new EtcdCheck().run(ctx).getFirst();
            assertThat(r.status()).as(r.evidence()).isEqualTo(Status.PASS);
            assertThat(r.evidence()).containsPattern("etcd server 3\\.\\d+\\.\\d+");
        } finally {
            etcd.destroy();
            if (!etcd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                etcd.destroyForcibly().waitFor();
            }
        }
    }

    private static void waitForListener(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("etcd did not listen on " + port + " within 30 s");
    }

    @Test
    void bgpModeWithoutBirdFailsAndRulesOutBgp() {
        PreflightContext ctx = PreflightContext.forHost(Mode.BGP).withSearchPath(List.of(tmp));
        CheckResult r = new BirdCheck().run(ctx).getFirst();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.rulesOut()).containsExactly("mode bgp");
        assertThat(new BirdCheck().run(ctx.withPaths(HostPaths.host()).withSearchPath(List.of(tmp)))
                .getFirst().fix()).contains("bird2");
    }

    @Test
    void installedBirdPassesWithItsVersionAndOtherModesSkip() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/bird")),
                "BIRD is installed by ./calyx setup (package bird2)");
        PreflightContext ctx = PreflightContext.forHost(Mode.BGP).withSearchPath(List.of(Path.of("/usr/sbin")));
        CheckResult r = new BirdCheck().run(ctx).getFirst();
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence()).contains("BIRD version");
        PreflightContext vxlan = PreflightContext.forHost(Mode.VXLAN).withSearchPath(List.of(Path.of("/usr/sbin")));
        assertThat(new BirdCheck().run(vxlan).getFirst().status()).isEqualTo(Status.SKIP);
    }
}
