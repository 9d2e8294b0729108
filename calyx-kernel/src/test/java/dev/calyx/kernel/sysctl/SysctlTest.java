package dev.calyx.kernel.sysctl;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.testing.Ip;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("kernel")
class SysctlTest {
    private final TestNamespaces namespaces = new TestNamespaces();

    @AfterEach
    void cleanUp() {
        namespaces.close();
    }

    @Test
    void writesOnlyInsideTheNamespace() throws Exception {
        Netns ns = namespaces.create();
        String hostForwarding = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).trim();
        try (FfmRtNetlink nl = FfmRtNetlink.openIn(ns)) {
            nl.addVeth(VethSpec.of("cali1234", "peer0"));
        }

        Sysctl.set(ns, "net/ipv4/conf/cali1234/proxy_arp", "1");
        Sysctl.set(ns, "net/ipv4/ip_forward", hostForwarding.equals("1") ? "0" : "1");

        assertThat(Sysctl.get(ns, "net/ipv4/conf/cali1234/proxy_arp")).isEqualTo("1");
        assertThat(Ip.run("ip", "netns", "exec", ns.name(), "cat", "/proc/sys/net/ipv4/conf/cali1234/proxy_arp")
                .orThrow().out().trim()).isEqualTo("1");
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).trim())
                .as("host untouched").isEqualTo(hostForwarding);
        assertThat(Files.exists(Path.of("/proc/sys/net/ipv4/conf/cali1234"))).as("not in the host").isFalse();
    }

    @Test
    void badKeysAndMissingSysctlsAreNamed() {
        Netns ns = namespaces.create();

        assertThatThrownBy(() -> Sysctl.set(ns, "kernel/hostname", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel/hostname");
        assertThatThrownBy(() -> Sysctl.get(ns, "net/../kernel/hostname"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sysctl.set(ns, "net/ipv4/conf/nope0/proxy_arp", "1"))
                .isInstanceOf(SysctlException.class)
                .hasMessage("set sysctl net/ipv4/conf/nope0/proxy_arp=1 in netns " + ns.name() + ": no such sysctl");
    }
}
