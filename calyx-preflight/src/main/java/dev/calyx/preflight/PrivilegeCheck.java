package dev.calyx.preflight;

import java.util.List;
import java.util.Optional;

/**
 * calyx creates interfaces, routes and nft tables and enters other network namespaces: it needs root, or at least
 * CAP_NET_ADMIN and CAP_SYS_ADMIN in its effective set (Calico asks for CAP_SYS_ADMIN). Read from
 * {@code /proc/self/status}, which also covers a container that is "root" without those capabilities.
 */
public final class PrivilegeCheck implements Check {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_SYS_ADMIN = 21;

    @Override
    public String name() {
        return "privileges";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        Optional<String> status = HostFiles.read(ctx.paths().proc().resolve("self/status"));
        if (status.isEmpty()) {
            return List.of(CheckResult.skip("privileges", "cannot read " + ctx.paths().proc().resolve("self/status")));
        }
        return List.of(evaluate(status.get()));
    }

    static CheckResult evaluate(String procStatus) {
        String uid = field(procStatus, "Uid:").split("\\s+")[0];
        String capHex = field(procStatus, "CapEff:");
        long caps = capHex.isEmpty() ? 0 : Long.parseUnsignedLong(capHex, 16);
        boolean netAdmin = (caps >>> CAP_NET_ADMIN & 1) == 1;
        boolean sysAdmin = (caps >>> CAP_SYS_ADMIN & 1) == 1;
        String evidence = "uid " + uid + ", CapEff " + capHex + " (CAP_NET_ADMIN " + (netAdmin ? "yes" : "no")
                + ", CAP_SYS_ADMIN " + (sysAdmin ? "yes" : "no") + ")";
        if (netAdmin && sysAdmin) {
            return CheckResult.pass("privileges", evidence);
        }
        return CheckResult.fail("privileges", evidence,
                "run as root (sudo calyx ...) or grant CAP_NET_ADMIN and CAP_SYS_ADMIN (privileged container)");
    }

    private static String field(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).strip())
                .findFirst().orElse("");
    }
}
