package dev.calyx.preflight;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link ScratchNetns} over iproute2: {@code ip netns add/del}, {@code ip -n NAME link add/del}, tools run with
 * {@code ip netns exec}. The kernel answers are the same as over rtnetlink directly; this mechanism only costs a
 * process per step.
 */
public final class IpExecScratchNetns implements ScratchNetns {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String name;
    private final Duration timeout;

    private IpExecScratchNetns(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
    }

    /** Creates {@code PREFIX<random6>}; throws with the kernel's message when it cannot (no privileges). */
    public static IpExecScratchNetns create(String prefix, Duration timeout) {
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        String name = prefix + HexFormat.of().formatHex(r);
        Exec.Result res = Exec.run(timeout, "ip", "netns", "add", name);
        if (!res.ok()) {
            throw new IllegalStateException("create scratch netns " + name + ": " + res.message());
        }
        return new IpExecScratchNetns(name, timeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Exec.Result exec(String stdin, List<String> argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(argv);
        return Exec.launched(Exec.run(timeout, stdin, full));
    }

    @Override
    public ProbeOutcome probeLink(String ifname, LinkKind kind) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name, "link", "add", ifname, "type", kind.kind()));
        argv.addAll(kind.ipArgs);
        Exec.Result add = Exec.run(timeout, null, argv);
        if (!add.ok()) {
            return ProbeOutcome.refused("create " + kind.kind() + " link " + ifname, add.message());
        }
        Exec.Result del = Exec.run(timeout, "ip", "-n", name, "link", "del", ifname);
        return new ProbeOutcome.Present("created and deleted " + kind.kind() + " link " + ifname + " in scratch netns"
                + (del.ok() ? "" : " (delete failed: " + del.message() + "; removed with the netns)"));
    }

    @Override
    public void close() {
        Exec.run(timeout, "ip", "netns", "del", name);
    }
}
