package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NetworkManager detection and unmanaged-devices coverage, against a temporary /etc, /proc and /run. */
class NetworkManagerCheckTest {
    static final String CALICO_CONF = """
            [keyfile]
            unmanaged-devices=interface-name:cali*;interface-name:tunl*;interface-name:vxlan.calico;\
            interface-name:vxlan-v6.calico;interface-name:wireguard.cali;interface-name:wg-v6.cali
            """;

    @TempDir Path root;

    private PreflightContext ctx(Mode mode) {
        return PreflightContext.forHost(mode).withPaths(HostPaths.under(root));
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void fakeRunningNetworkManager() throws IOException {
        write("proc/4242/comm", "NetworkManager\n");
    }

    private CheckResult check(Mode mode) {
        return new NetworkManagerCheck().run(ctx(mode)).getFirst();
    }

    @Test
    void absentNetworkManagerPasses() {
        assertThat(check(Mode.VXLAN).status()).isEqualTo(Status.PASS);
    }

    @Test
    void runningWithoutUnmanagedEntryFailsWithTheFileToWrite() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/NetworkManager.conf", "[main]\nplugins=ifupdown,keyfile\n");
        CheckResult r = check(Mode.VXLAN);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("pid 4242", "not covered: cali*, vxlan.calico, vxlan-v6.calico");
        assertThat(r.fix()).contains(root.resolve("etc/NetworkManager/conf.d/calyx.conf").toString(),
                "interface-name:cali*", "nmcli general reload");
    }

    @Test
    void calicosOwnFileIsRecognised() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/conf.d/calico.conf", CALICO_CONF);
        CheckResult r = check(Mode.IPIP);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence()).contains("calico.conf (Calico's)");
    }

    @Test
    void aLaterSnippetWithAPlainValueUndoesCalicosFile() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/conf.d/calico.conf", CALICO_CONF);
        write("etc/NetworkManager/conf.d/docker.conf", "[keyfile]\nunmanaged-devices=interface-name:docker0\n");
        CheckResult r = check(Mode.VXLAN);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("docker.conf", "not covered: cali*");
    }

    @Test
    void onlyTheModesInterfacesMustBeCovered() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/conf.d/old.conf",
                "[keyfile]\nunmanaged-devices=interface-name:cali*;interface-name:tunl*\n");
        assertThat(check(Mode.IPIP).status()).isEqualTo(Status.PASS);
        assertThat(check(Mode.IPIP).evidence()).contains("not needed in mode ipip");
        assertThat(check(Mode.VXLAN).status()).isEqualTo(Status.FAIL);
        CheckResult wg = new NetworkManagerCheck().run(ctx(Mode.IPIP).withWireguard(true)).getFirst();
        assertThat(wg.status()).isEqualTo(Status.FAIL);
        assertThat(wg.evidence()).contains("wireguard.cali");
    }

    @Test
    void systemdInvocationMarkerCountsAsRunning() throws IOException {
        write("run/systemd/units/invocation:NetworkManager.service", "");
        Files.createDirectories(root.resolve("etc/NetworkManager"));
        CheckResult r = check(Mode.VXLAN);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("systemd unit NetworkManager.service active");
    }

    @Test
    void installedButStoppedIsAWarning() throws IOException {
        Files.createDirectories(root.resolve("etc/NetworkManager/conf.d"));
        assertThat(check(Mode.VXLAN).status()).isEqualTo(Status.WARN);
    }

    @Test
    void fixWritesCalyxConfThatTheCheckThenAccepts() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/NetworkManager.conf", "[keyfile]\nunmanaged-devices=interface-name:docker0\n");
        List<CheckResult> before = new NetworkManagerCheck().run(ctx(Mode.VXLAN));
        List<String> changes = NetworkManagerFix.apply(ctx(Mode.VXLAN), before);
        Path written = root.resolve("etc/NetworkManager/conf.d/calyx.conf");
        assertThat(changes.getFirst()).contains("wrote " + written);
        assertThat(changes).anyMatch(c -> c.contains("not reloading"));
        assertThat(Files.readString(written)).contains("unmanaged-devices+=interface-name:cali*");
        CheckResult after = check(Mode.VXLAN);
        assertThat(after.status()).isEqualTo(Status.PASS);
        assertThat(after.evidence()).contains("docker0", "calyx.conf (calyx's)");
        assertThat(NetworkManagerFix.apply(ctx(Mode.VXLAN), List.of(after))).isEmpty();
    }

    @Test
    void aLaterPlainAssignmentDefeatsTheFixAndIsNamed() throws IOException {
        fakeRunningNetworkManager();
        write("etc/NetworkManager/conf.d/docker.conf", "[keyfile]\nunmanaged-devices=interface-name:docker0\n");
        NetworkManagerFix.apply(ctx(Mode.VXLAN), new NetworkManagerCheck().run(ctx(Mode.VXLAN)));
        CheckResult after = check(Mode.VXLAN);
        assertThat(after.status()).isEqualTo(Status.FAIL);
        assertThat(after.fix()).contains("docker.conf replaces the list", "make it +=");
    }

    @Test
    void deviceSpecMatching() {
        assertThat(NetworkManagerConfig.matches("interface-name:cali*", "cali12ab", "veth")).isTrue();
        assertThat(NetworkManagerConfig.matches("interface-name:=tunl0", "tunl0", "ipip")).isTrue();
        assertThat(NetworkManagerConfig.matches("interface-name:=tunl0", "tunl1", "ipip")).isFalse();
        assertThat(NetworkManagerConfig.matches("interface-name:vxlan.calic?", "vxlan.calico", "vxlan")).isTrue();
        assertThat(NetworkManagerConfig.matches("type:vxlan", "vxlan.calico", "vxlan")).isTrue();
        assertThat(NetworkManagerConfig.matches("mac:00:11:22:33:44:55", "cali1", "veth")).isFalse();
    }
}
