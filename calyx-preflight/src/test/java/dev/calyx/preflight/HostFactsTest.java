package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Architecture, kernel release and privileges, read from a fake /proc. */
class HostFactsTest {
    @TempDir Path root;

    private PreflightContext ctx() {
        return PreflightContext.forHost(Mode.VXLAN).withPaths(HostPaths.under(root));
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void supportedAndUnsupportedArchitectures() throws IOException {
        write("proc/sys/kernel/arch", "aarch64\n");
        assertThat(new ArchCheck().run(ctx()).getFirst().status()).isEqualTo(Status.PASS);
        write("proc/sys/kernel/arch", "mips\n");
        CheckResult r = new ArchCheck().run(ctx()).getFirst();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("mips");
    }

    @Test
    void kernelBelow310FailsAndBelow510Warns() throws IOException {
        write("proc/sys/kernel/osrelease", "3.2.0-4-amd64\n");
        assertThat(new KernelVersionCheck().run(ctx()).getFirst().status()).isEqualTo(Status.FAIL);
        write("proc/sys/kernel/osrelease", "4.18.0-513.el8.x86_64\n");
        CheckResult r = new KernelVersionCheck().run(ctx()).getFirst();
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.rulesOut()).containsExactly("WireGuard in-tree");
        assertThat(KernelVersionCheck.evaluate("6.1.0").status()).isEqualTo(Status.PASS);
    }

    @Test
    void rootWithoutCapabilitiesFailsAndCapabilitiesWithoutRootPass() throws IOException {
        write("proc/self/status", "Name:\tjava\nUid:\t0\t0\t0\t0\nCapEff:\t0000000000000000\n");
        CheckResult noCaps = new PrivilegeCheck().run(ctx()).getFirst();
        assertThat(noCaps.status()).isEqualTo(Status.FAIL);
        assertThat(noCaps.evidence()).contains("CAP_NET_ADMIN no", "CAP_SYS_ADMIN no");
        // CAP_NET_ADMIN (12) and CAP_SYS_ADMIN (21) only
        write("proc/self/status", "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000201000\n");
        assertThat(new PrivilegeCheck().run(ctx()).getFirst().status()).isEqualTo(Status.PASS);
    }

    @Test
    void thisProcessOnThisHost() {
        PreflightContext host = PreflightContext.forHost(Mode.VXLAN);
        assertThat(new ArchCheck().run(host).getFirst().status()).isEqualTo(Status.PASS);
        assertThat(new KernelVersionCheck().run(host).getFirst().evidence()).startsWith("Linux ");
    }
}
