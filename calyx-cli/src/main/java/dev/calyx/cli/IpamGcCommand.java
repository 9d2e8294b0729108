package dev.calyx.cli;

import dev.calyx.datastore.KvStore;
import dev.calyx.ipam.GcResult;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamGc;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calyx ipam gc}: release leaks that have persisted for the grace period, repair handles, free deleted
 * nodes' empty blocks. With {@code --node}, only that node's allocations (what the node agent runs).
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Release leaked addresses older than the grace period and repair IPAM bookkeeping.")
public final class IpamGcCommand implements Callable<Integer> {
    @Mixin DatastoreOptions datastore;
    @Spec CommandSpec spec;

    @Option(names = "--node", paramLabel = "NODE",
            description = "Only this node's allocations (default: cluster-wide).")
    String node;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "15m",
            description = "How long a leak must persist before it is released: 0, 30s, 15m, 1h (default: 15m).")
    String grace;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: text).")
    String output;

    @Override
    public Integer call() {
        boolean json = IpamCommand.json(output);
        Duration g = parseDuration(grace);
        GcResult r;
        try (KvStore kv = datastore.open()) {
            IpamGc gc = new IpamGc(IpamClient.over(kv), InstantSource.system(), g);
            r = node == null ? gc.runClusterWide() : gc.runForNode(node);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            IpamCommand.printJson(out, r);
        } else {
            r.released().forEach(ip -> out.println("released " + ip));
            r.handlesRepaired().forEach(h -> out.println("recounted handle " + h));
            r.handlesDeleted().forEach(h -> out.println("deleted handle " + h));
            r.blocksFreed().forEach(b -> out.println("freed block " + b));
            r.waiting().forEach(f -> out.println("waiting (grace " + grace + "): " + f.describe()));
            r.unrepairable().forEach(f -> out.println("not repairable: " + f.describe()));
            out.println(r.released().size() + " released, " + (r.handlesRepaired().size() + r.handlesDeleted().size())
                    + " handles fixed, " + r.blocksFreed().size() + " blocks freed, " + r.waiting().size()
                    + " waiting, " + r.unrepairable().size() + " not repairable");
        }
        out.flush();
        return r.unrepairable().isEmpty() ? 0 : 1;
    }

    /** "0", "90s", "15m", "2h" or ISO-8601 ("PT15M"); the error names the flag. */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--grace \"" + text + "\": expected 0, <n>s, <n>m, <n>h or PT..", e);
        }
    }
}
