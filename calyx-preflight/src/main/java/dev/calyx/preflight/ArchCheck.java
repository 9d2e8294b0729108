package dev.calyx.preflight;

import java.util.List;
import java.util.Map;

/** The CPU architecture must be one Calico (and so calyx) supports: x86-64, arm64, ppc64le or s390x. */
public final class ArchCheck implements Check {
    /** Kernel and JVM spellings of the supported architectures, mapped to Calico's names. */
    private static final Map<String, String> SUPPORTED = Map.of(
            "x86_64", "x86-64", "amd64", "x86-64", "aarch64", "arm64", "arm64", "arm64",
            "ppc64le", "ppc64le", "s390x", "s390x");

    @Override
    public String name() {
        return "arch";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        String arch = HostFiles.firstLine(ctx.paths().proc().resolve("sys/kernel/arch"))
                .orElse(System.getProperty("os.arch"));
        return List.of(evaluate(arch));
    }

    static CheckResult evaluate(String arch) {
        String calico = SUPPORTED.get(arch);
        if (calico != null) {
            return CheckResult.pass("arch", arch + " (" + calico + ")");
        }
        return CheckResult.fail("arch", arch + " is not a supported architecture",
                "use an x86-64, arm64, ppc64le or s390x host");
    }
}
