package dev.calyx.kernel.netns;

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
class NetnsTest {
    private final TestNamespaces namespaces = new TestNamespaces();

    @AfterEach
    void cleanUp() {
        namespaces.close();
    }

    private static String netnsInode() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }

    @Test
    void createdNamespaceIsSeenByIpAndIsEmpty() {
        Netns ns = namespaces.create();

        assertThat(Ip.run("ip", "netns", "list").orThrow().out()).contains(ns.name());
        assertThat(Netns.list()).contains(ns.name());
        assertThat(Netns.exists(ns.name())).isTrue();
        assertThat(Ip.ip(ns.name(), "-o", "link", "show")).contains("lo:").doesNotContain("eth0");
    }

    @Test
    void namespaceCreatedByIpCanBeOpenedAndEntered() throws Exception {
        String name = namespaces.newName();
        Ip.run("ip", "netns", "add", name).orThrow();
        String outside = netnsInode();

        try (Netns ns = Netns.open(name)) {
            String inside = ns.run(NetnsTest::netnsInode);
            String insideByPath = Netns.openPath(Path.of("/var/run/netns", name)).run(NetnsTest::netnsInode);
            String byIp = Ip.run("ip", "netns", "exec", name, "readlink", "/proc/self/ns/net").orThrow().out().trim();

            assertThat(inside).isNotEqualTo(outside).isEqualTo(insideByPath).isEqualTo(byIp);
        }
        assertThat(netnsInode()).as("caller thread never moves").isEqualTo(outside);
        try (Netns current = Netns.current()) {
            assertThat(current.run(NetnsTest::netnsInode)).isEqualTo(outside);
        }
    }

    @Test
    void runRunsOnAPlatformThreadAndPropagatesExceptions() {
        Netns ns = namespaces.create();

        Boolean virtual = ns.run(() -> Thread.currentThread().isVirtual());
        assertThat(virtual).isFalse();
        assertThatThrownBy(() -> ns.run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThatThrownBy(() -> ns.run(() -> {
            throw new java.io.IOException("io");
        })).isInstanceOf(NetnsException.class).hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void runFromAVirtualThreadStillWorks() throws Exception {
        Netns ns = namespaces.create();
        String outside = netnsInode();
        String[] seen = new String[1];

        Thread.ofVirtual().start(() -> seen[0] = ns.run(NetnsTest::netnsInode)).join();

        assertThat(seen[0]).isNotEqualTo(outside);
    }

    @Test
    void deleteRemovesTheNameAndIsIdempotent() {
        Netns ns = namespaces.create();
        String name = ns.name();
        ns.close();

        assertThat(Netns.delete(name)).isTrue();
        assertThat(Netns.exists(name)).isFalse();
        assertThat(Ip.run("ip", "netns", "list").out()).doesNotContain(name);
        assertThat(Netns.delete(name)).isFalse();
    }

    @Test
    void duplicateAndMissingNamesAreReportedWithErrno() {
        Netns ns = namespaces.create();

        assertThatThrownBy(() -> Netns.create(ns.name()))
                .isInstanceOfSatisfying(NetnsException.class, e -> assertThat(e.isExists()).isTrue())
                .hasMessage("create netns " + ns.name() + ": File exists (EEXIST)");
        assertThatThrownBy(() -> Netns.open("calyx-t-nl-missing"))
                .isInstanceOfSatisfying(NetnsException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessageContaining("No such file or directory (ENOENT)");
        assertThatThrownBy(() -> Netns.open("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
