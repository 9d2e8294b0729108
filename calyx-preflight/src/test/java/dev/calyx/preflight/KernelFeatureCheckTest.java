package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real probes against this kernel, in scratch namespaces the check creates and deletes. */
@Tag("kernel")
class KernelFeatureCheckTest {
    private static final String PREFIX = TestNetns.PREFIX + "k";

    private static CheckResult row(List<CheckResult> rs, KernelFeature f) {
        return rs.stream().filter(r -> r.name().equals(f.checkName())).findFirst().orElseThrow();
    }

    private static List<CheckResult> run(PreflightContext ctx) {
        List<CheckResult> rs = new KernelFeatureCheck(PREFIX).run(ctx);
        assertThat(TestNetns.withPrefix(PREFIX)).as("scratch netns left behind").isEmpty();
        return rs;
    }

    @Test
    void vxlanVethNftablesAndConntrackArePresent() {
        List<CheckResult> rs = run(PreflightContext.forHost(Mode.VXLAN));
        assertThat(rs).hasSize(KernelFeature.values().length);
        for (KernelFeature f : List.of(KernelFeature.VXLAN, KernelFeature.VETH, KernelFeature.NFTABLES,
                KernelFeature.CONNTRACK)) {
            CheckResult r = row(rs, f);
            assertThat(r.status()).as(r.name() + ": " + r.evidence()).isEqualTo(Status.PASS);
        }
        assertThat(row(rs, KernelFeature.VXLAN).evidence()).contains("created and deleted vxlan link",
                "over rtnetlink");
    }

    @Test
    void bothScratchMechanismsAgreeAndCleanUp() {
        for (ScratchNetns ns : List.of(IpExecScratchNetns.create(PREFIX, PreflightContext.DEFAULT_TIMEOUT),
                NetlinkScratchNetns.create(PREFIX, PreflightContext.DEFAULT_TIMEOUT))) {
            try (ns) {
                assertThat(TestNetns.exists(ns.name())).isTrue();
                assertThat(ns.probeLink("pfveth0", ScratchNetns.LinkKind.VETH))
                        .isInstanceOf(ProbeOutcome.Present.class);
                assertThat(ns.probeLink("pfvxlan0", ScratchNetns.LinkKind.VXLAN))
                        .isInstanceOf(ProbeOutcome.Present.class);
                assertThat(ns.exec(null, List.of("ip", "-j", "link")).stdout()).doesNotContain("pfveth0", "pfvxlan0");
            }
        }
        assertThat(TestNetns.withPrefix(PREFIX)).isEmpty();
    }

    @Test
    void missingIpipWarnsWhenNotNeededAndFailsInIpipMode() {
        CheckResult inVxlan = row(run(PreflightContext.forHost(Mode.VXLAN)), KernelFeature.IPIP);
        Assumptions.assumeTrue(inVxlan.status() != Status.PASS, "this kernel has IPIP; nothing missing to report");
        assertThat(inVxlan.status()).isEqualTo(Status.WARN);
        assertThat(inVxlan.evidence()).contains("Unknown device type", "rules out mode ipip");
        assertThat(inVxlan.rulesOut()).containsExactly("mode ipip");

        CheckResult inIpip = row(run(PreflightContext.forHost(Mode.IPIP)), KernelFeature.IPIP);
        assertThat(inIpip.status()).isEqualTo(Status.FAIL);
        assertThat(inIpip.fix()).contains("modprobe ipip");
    }

    @Test
    void missingWireguardFailsOnlyWhenWireguardIsPlanned() {
        CheckResult without = row(run(PreflightContext.forHost(Mode.VXLAN)), KernelFeature.WIREGUARD);
        Assumptions.assumeTrue(without.status() != Status.PASS, "this kernel has WireGuard");
        assertThat(without.status()).isEqualTo(Status.WARN);
        assertThat(without.rulesOut()).containsExactly("WireGuard encryption");
        CheckResult with = row(run(PreflightContext.forHost(Mode.VXLAN).withWireguard(true)), KernelFeature.WIREGUARD);
        assertThat(with.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aToolMissingInsideTheNamespaceIsNotAMissingKernelFeature() {
        try (ScratchNetns ns = NetlinkScratchNetns.create(PREFIX, PreflightContext.DEFAULT_TIMEOUT)) {
            assertThat(ns.exec(null, List.of("calyx-no-such-tool")).notFound()).isTrue();
        }
        try (ScratchNetns ns = IpExecScratchNetns.create(PREFIX, PreflightContext.DEFAULT_TIMEOUT)) {
            assertThat(ns.exec(null, List.of("calyx-no-such-tool")).notFound()).isTrue();
        }
    }

    @Test
    void classifiesKernelRefusals() {
        assertThat(ProbeOutcome.refused("x", "Error: Unknown device type.")).isInstanceOf(ProbeOutcome.Missing.class);
        assertThat(ProbeOutcome.refused("x", "RTNETLINK answers: Operation not permitted"))
                .isInstanceOf(ProbeOutcome.Unknown.class);
    }
}
