package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewallCheckTest {
    @TempDir Path root;

    private HostPaths paths() {
        return HostPaths.under(root);
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void firewalldProcessWarns() throws IOException {
        assertThat(FirewallCheck.firewalld(paths()).status()).isEqualTo(Status.PASS);
        write("proc/777/comm", "firewalld\n");
        CheckResult r = FirewallCheck.firewalld(paths());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.evidence()).contains("pid 777");
        assertThat(r.fix()).contains("systemctl disable --now firewalld");
    }

    @Test
    void enabledUfwWarns() throws IOException {
        write("etc/ufw/ufw.conf", "# comment\nENABLED=no\n");
        assertThat(FirewallCheck.ufw(paths()).status()).isEqualTo(Status.PASS);
        write("etc/ufw/ufw.conf", "ENABLED=yes\nLOGLEVEL=low\n");
        assertThat(FirewallCheck.ufw(paths()).status()).isEqualTo(Status.WARN);
    }

    @Test
    void nftablesConfThatFlushesTheRulesetWarns() throws IOException {
        write("etc/nftables.conf", "#!/usr/sbin/nft -f\n\nflush ruleset\n\ntable inet filter {}\n");
        CheckResult r = FirewallCheck.nftablesService(paths());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.evidence()).contains("flush ruleset");
    }

    @Test
    @Tag("kernel")
    void foreignTablesAreNamedAndOursIgnored() {
        try (TestNetns ns = new TestNetns()) {
            PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withPaths(paths()).withHostNetns(ns.name);
            assertThat(FirewallCheck.nftTables(ctx).status()).isEqualTo(Status.PASS);
            assertThat(ns.exec("table inet calyx { }\ntable ip kube-proxy { }\n", "nft", "-f", "-").ok()).isTrue();
            CheckResult r = FirewallCheck.nftTables(ctx);
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.evidence()).contains("netns " + ns.name, "ip kube-proxy").doesNotContain("inet calyx");
        }
    }
}
