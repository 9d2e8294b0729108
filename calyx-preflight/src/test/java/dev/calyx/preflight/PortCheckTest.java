package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aHeldPortFailsNamingTheHolder() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = held.getLocalPort();
            PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withPorts(List.of(new PortNeed(port, "test")));
            CheckResult r = new PortCheck().run(ctx).getFirst();
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence()).contains("tcp " + port, "held by pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aLoopbackListenerAlsoBlocksTheWildcardBind() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN)
                    .withPorts(List.of(new PortNeed(held.getLocalPort(), "test")));
            assertThat(new PortCheck().run(ctx).getFirst().status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void aFreePortPassesAndIsReleased() throws IOException {
        int port = freePort();
        PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withPorts(List.of(new PortNeed(port, "test")));
        assertThat(new PortCheck().run(ctx).getFirst().status()).isEqualTo(Status.PASS);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("0.0.0.0", port));
        }
    }

    @Test
    void bgpModeAddsPort179() {
        assertThat(PreflightContext.forHost(Mode.BGP).portsToCheck()).contains(PortNeed.BGP);
        assertThat(PreflightContext.forHost(Mode.VXLAN).portsToCheck()).doesNotContain(PortNeed.BGP);
    }
}
