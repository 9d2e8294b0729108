package dev.calyx.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * Probes every {@link KernelFeature} for real, inside one scratch network namespace created for the purpose and
 * deleted afterwards, failure or not. Nothing is created in the host's own namespace. The namespace and its links
 * come from calyx's kernel layer ({@link NetlinkScratchNetns}); {@link IpExecScratchNetns} does the same with
 * iproute2 and is kept for hosts or tests where the FFM layer cannot be used.
 */
public final class KernelFeatureCheck implements Check {
    /** Production scratch namespaces; tests pass their own prefix so leftovers are attributable. */
    public static final String DEFAULT_NETNS_PREFIX = "calyx-preflight-";
    private final String netnsPrefix;

    public KernelFeatureCheck() {
        this(DEFAULT_NETNS_PREFIX);
    }

    public KernelFeatureCheck(String netnsPrefix) {
        this.netnsPrefix = netnsPrefix;
    }

    @Override
    public String name() {
        return "kernel.features";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        ScratchNetns ns;
        try {
            ns = NetlinkScratchNetns.create(netnsPrefix, ctx.timeout());
        } catch (RuntimeException e) {
            for (KernelFeature f : KernelFeature.values()) {
                out.add(CheckResult.skip(f.checkName(), "not probed: " + e.getMessage()));
            }
            return out;
        }
        try (ns) {
            for (KernelFeature f : KernelFeature.values()) {
                out.add(f.judge(probeSafely(f, ns), ctx));
            }
        }
        return out;
    }

    private static ProbeOutcome probeSafely(KernelFeature f, ScratchNetns ns) {
        try {
            return KernelProbes.probe(f, ns);
        } catch (RuntimeException e) {
            return new ProbeOutcome.Unknown("probe failed: " + e.getMessage());
        }
    }
}
