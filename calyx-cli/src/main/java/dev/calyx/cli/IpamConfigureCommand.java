package dev.calyx.cli;

import dev.calyx.datastore.KvStore;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calyx ipam configure}: change the cluster-wide IPAM settings; unspecified ones keep their value. */
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Set strict affinity, maximum blocks per host, automatic block allocation.")
public final class IpamConfigureCommand implements Callable<Integer> {
    @Mixin DatastoreOptions datastore;
    @Spec CommandSpec spec;

    @Option(names = "--strictaffinity", arity = "1", paramLabel = "true|false",
            description = "Never borrow addresses from other nodes' blocks.")
    Boolean strictAffinity;

    @Option(names = "--max-blocks-per-host", paramLabel = "N", description = "Blocks a node may claim (0 = 20).")
    Integer maxBlocksPerHost;

    @Option(names = "--auto-allocate-blocks", arity = "1", paramLabel = "true|false",
            description = "Claim new blocks automatically.")
    Boolean autoAllocateBlocks;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: text).")
    String output;

    @Override
    public Integer call() {
        boolean json = IpamCommand.json(output);
        IpamConfig next;
        try (KvStore kv = datastore.open()) {
            IpamClient ipam = IpamClient.over(kv);
            IpamConfig cur = ipam.config();
            next = new IpamConfig(strictAffinity != null ? strictAffinity : cur.strictAffinity(),
                    autoAllocateBlocks != null ? autoAllocateBlocks : cur.autoAllocateBlocks(),
                    maxBlocksPerHost != null ? maxBlocksPerHost : cur.maxBlocksPerHost());
            if (strictAffinity != null || maxBlocksPerHost != null || autoAllocateBlocks != null) {
                ipam.setConfig(next);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            IpamCommand.printJson(out, next);
        } else {
            out.println("strictAffinity:     " + next.strictAffinity());
            out.println("autoAllocateBlocks: " + next.autoAllocateBlocks());
            out.println("maxBlocksPerHost:   " + next.effectiveMaxBlocksPerHost());
        }
        out.flush();
        return 0;
    }
}
