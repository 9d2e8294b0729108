package dev.calyx.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel release must be at least 3.10 (the oldest Calico ever supported); below 5.10 (the minimum Calico's
 * current system requirements name) it is a WARN. The evidence lists the features that need more than 3.10 and
 * whether this kernel is new enough for each; whether they are actually compiled in is the kernel probes' job.
 */
public final class KernelVersionCheck implements Check {
    record Need(String feature, int major, int minor) {}

    static final Need DOCUMENTED_MINIMUM = new Need("Calico's documented minimum", 5, 10);
    static final List<Need> FEATURE_MINIMUMS = List.of(
            new Need("VXLAN (Calico minimum)", 3, 12),
            new Need("nftables", 3, 13),
            new Need("WireGuard in-tree", 5, 6),
            DOCUMENTED_MINIMUM);

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    @Override
    public String name() {
        return "kernel.version";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        String release = HostFiles.firstLine(ctx.paths().proc().resolve("sys/kernel/osrelease"))
                .orElse(System.getProperty("os.version"));
        return List.of(evaluate(release));
    }

    static CheckResult evaluate(String release) {
        Matcher m = RELEASE.matcher(release);
        if (!m.find()) {
            return CheckResult.warn("kernel.version", "cannot parse kernel release \"" + release + "\"",
                    "check `uname -r`; calyx needs Linux 3.10 or later (5.10+ recommended)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        List<String> lacking = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Need n : FEATURE_MINIMUMS) {
            boolean ok = atLeast(major, minor, n.major(), n.minor());
            notes.add(n.feature() + " needs " + n.major() + "." + n.minor() + (ok ? " ok" : " MISSING"));
            if (!ok && n != DOCUMENTED_MINIMUM) {
                lacking.add(n.feature());
            }
        }
        String evidence = "Linux " + release + "; " + String.join(", ", notes);
        if (!atLeast(major, minor, 3, 10)) {
            return CheckResult.fail("kernel.version", evidence, "upgrade the kernel to 5.10 or later")
                    .withRulesOut(List.of("calyx"));
        }
        if (!atLeast(major, minor, DOCUMENTED_MINIMUM.major(), DOCUMENTED_MINIMUM.minor())) {
            return CheckResult.warn("kernel.version", evidence, "upgrade the kernel to 5.10 or later")
                    .withRulesOut(lacking);
        }
        return CheckResult.pass("kernel.version", evidence);
    }

    private static boolean atLeast(int major, int minor, int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
}
