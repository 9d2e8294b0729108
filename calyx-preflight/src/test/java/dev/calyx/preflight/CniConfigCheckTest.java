package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other network providers' configs in a temporary CNI config dir. */
class CniConfigCheckTest {
    @TempDir Path dir;

    private CheckResult check() {
        PreflightContext ctx = PreflightContext.forHost(Mode.VXLAN).withPaths(HostPaths.host().withCniConfDir(dir));
        return new CniConfigCheck().run(ctx).getFirst();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void emptyOrMissingDirPasses() throws IOException {
        assertThat(check().status()).isEqualTo(Status.PASS);
        Files.delete(dir);
        assertThat(check().status()).isEqualTo(Status.PASS);
        Files.createDirectory(dir);
    }

    @Test
    void aForeignConfigThatSortsFirstFailsByName() throws IOException {
        write("05-flannel.conflist", """
                {"cniVersion":"0.3.1","name":"cbr0","plugins":[{"type":"flannel"},{"type":"portmap"}]}""");
        write(CniConfigCheck.OURS, "{\"name\":\"k8s-pod-network\",\"plugins\":[{\"type\":\"calyx\"}]}");
        write("README", "not a config");
        CheckResult r = check();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("10-calyx.conflist present",
                "05-flannel.conflist (network \"cbr0\", plugins flannel,portmap)").doesNotContain("README");
        assertThat(r.fix()).contains("only network provider");
    }

    @Test
    void garbageAndUnreadableConfigsAreNamed() throws IOException {
        write("00-broken.conf", "{ this is not json");
        Files.createDirectory(dir.resolve("01-dir.json"));
        CheckResult r = check();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).contains("00-broken.conf (not valid JSON", "01-dir.json (unreadable");
    }

    @Test
    void configsSortingAfterOursWarn() throws IOException {
        write("87-podman-bridge.conflist", "{\"name\":\"podman\",\"plugins\":[{\"type\":\"bridge\"}]}");
        CheckResult r = check();
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.evidence()).contains("87-podman-bridge.conflist");
    }
}
