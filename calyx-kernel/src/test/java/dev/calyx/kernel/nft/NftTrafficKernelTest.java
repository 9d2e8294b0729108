package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.kernel.nft.NftBaseChain.Hook;
import dev.calyx.kernel.nft.NftBaseChain.Policy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Packets, not listings: a rule applied in one namespace stops pings from another, and removing it lets them by. */
@Tag("kernel")
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"exec", "lib"})
class NftTrafficKernelTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");

    @Parameter
    String kind;

    ScratchNetns client;
    ScratchNetns server;

    @BeforeEach
    void joinTwoNamespacesByAVeth() {
        client = new ScratchNetns();
        server = new ScratchNetns();
        ScratchNetns.exec("ip", "link", "add", "nftc", "netns", client.name, "type", "veth",
                "peer", "name", "nfts", "netns", server.name);
        ScratchNetns.exec("ip", "-n", client.name, "addr", "add", "10.253.0.1/30", "dev", "nftc");
        ScratchNetns.exec("ip", "-n", server.name, "addr", "add", "10.253.0.2/30", "dev", "nfts");
        ScratchNetns.exec("ip", "-n", client.name, "link", "set", "nftc", "up");
        ScratchNetns.exec("ip", "-n", server.name, "link", "set", "nfts", "up");
    }

    @AfterEach
    void removeNamespaces() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aDropRuleStopsPingAndItsRemovalRestoresIt() {
        assertThat(ping()).as("ping before any rule").isZero();
        try (NftBackend nft = NftBackends.create(kind, server.optionalPath())) {
            nft.apply(new NftTransaction()
                    .addTable(T)
                    .addBaseChain(T, "filter-INPUT", NftBaseChain.filter(Hook.INPUT, 0, Policy.ACCEPT))
                    .addRule(T, "filter-INPUT", "ip saddr 10.253.0.1 icmp type echo-request counter drop", "no-ping"));
            assertThat(ping()).as("ping with the drop rule").isNotZero();
            NftRule rule = nft.list(T).orElseThrow().rules("filter-INPUT").getFirst();
            assertThat(rule.counter().orElseThrow().packets()).isPositive();

            nft.apply(new NftTransaction().deleteRule(T, "filter-INPUT", rule.handle()));
            assertThat(ping()).as("ping after the rule was deleted").isZero();
        }
    }

    /** iputils ping is not installed everywhere; busybox's ping takes the same options. */
    private int ping() {
        boolean iputils = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/ping"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/ping"));
        return iputils ? client.execIn("ping", "-c", "1", "-W", "2", "10.253.0.2")
                : client.execIn("busybox", "ping", "-c", "1", "-W", "2", "10.253.0.2");
    }
}
