package dev.calyx.cli;

import dev.calyx.datastore.KvStore;
import dev.calyx.ipam.AllocationAttribute;
import dev.calyx.ipam.IpAddr;
import dev.calyx.ipam.IpamBlock;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.KvPoolSource;
import dev.calyx.ipam.PoolSpec;
import dev.calyx.ipam.Reservations;
import dev.calyx.ipam.Versioned;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calyx ipam show}: utilisation per pool (and per block), or where one address stands. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show IP utilisation per pool, per block (--show-blocks), or one address (--ip).")
public final class IpamShowCommand implements Callable<Integer> {
    @Mixin DatastoreOptions datastore;
    @Spec CommandSpec spec;

    @Option(names = "--show-blocks", description = "Also list every block with its affinity and utilisation.")
    boolean showBlocks;

    @Option(names = "--ip", paramLabel = "IP", description = "Show the allocation of this address.")
    String ip;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: text).")
    String output;

    /** Utilisation of one pool or block. */
    public record Usage(String name, String cidr, String affinity, long total, long inUse, long reserved,
                        long free) {}

    @Override
    public Integer call() {
        boolean json = IpamCommand.json(output);
        PrintWriter out = spec.commandLine().getOut();
        try (KvStore kv = datastore.open()) {
            IpamClient ipam = IpamClient.over(kv);
            if (ip != null) {
                return showIp(ipam, IpAddr.parse(ip), json, out);
            }
            List<Usage> pools = pools(kv, ipam);
            List<Usage> blocks = showBlocks ? blocks(kv, ipam) : List.of();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("pools", pools);
                if (showBlocks) {
                    result.put("blocks", blocks);
                }
                IpamCommand.printJson(out, result);
            } else {
                printTable(out, "POOL", pools);
                if (showBlocks) {
                    out.println();
                    printTable(out, "BLOCK", blocks);
                }
            }
            out.flush();
            return 0;
        }
    }

    private static List<Usage> pools(KvStore kv, IpamClient ipam) {
        List<Versioned<IpamBlock>> blocks = ipam.store().allBlocks();
        Reservations res = Reservations.read(kv);
        List<Usage> out = new ArrayList<>();
        for (PoolSpec p : new KvPoolSource(kv).pools()) {
            long inUse = blocks.stream().filter(b -> p.cidr().contains(b.value().network()))
                    .mapToLong(b -> b.value().inUse()).sum();
            long total = p.cidr().size().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            long reserved = res.cidrs().stream().filter(r -> p.cidr().overlaps(r))
                    .mapToLong(r -> (p.cidr().contains(r) ? r : p.cidr()).size().longValue()).sum();
            out.add(new Usage(p.name(), p.cidr().toString(), null, total, inUse, reserved,
                    Math.max(0, total - inUse - reserved)));
        }
        return out;
    }

    private static List<Usage> blocks(KvStore kv, IpamClient ipam) {
        Reservations res = Reservations.read(kv);
        List<Usage> out = new ArrayList<>();
        for (Versioned<IpamBlock> v : ipam.store().allBlocks()) {
            IpamBlock b = v.value();
            long total = b.allocations().size();
            long reserved = res.ordinalsIn(b.network()).cardinality();
            out.add(new Usage(b.cidr(), b.cidr(), b.affinity(), total, b.inUse(), reserved,
                    Math.max(0, total - b.inUse() - reserved)));
        }
        return out;
    }

    private static void printTable(PrintWriter out, String kind, List<Usage> rows) {
        String fmt = "%-24s %-22s %-20s %10s %8s %8s %10s%n";
        out.printf(fmt, kind, "CIDR", "AFFINITY", "IPS TOTAL", "IN USE", "RESERVED", "FREE");
        for (Usage u : rows) {
            out.printf(fmt, u.name(), u.cidr(), u.affinity() == null ? "-" : u.affinity(), u.total(), u.inUse(),
                    u.reserved(), u.free());
        }
    }

    private static int showIp(IpamClient ipam, IpAddr ip, boolean json, PrintWriter out) {
        var info = ipam.lookup(ip);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ip", ip.toString());
        r.put("allocated", info.isPresent() && info.get().attribute() != null);
        info.ifPresent(i -> {
            r.put("block", i.block().toString());
            r.put("affinity", i.affinity());
            AllocationAttribute a = i.attribute();
            if (a != null) {
                r.put("handle", a.handleId());
                r.put("attributes", a.activeOwnerAttrs());
                r.put("sequenceNumber", i.sequenceNumber());
            }
        });
        if (json) {
            IpamCommand.printJson(out, r);
        } else if (info.isEmpty()) {
            out.println("IP " + ip + " is not in any IPAM block (not assigned)");
        } else if (info.get().attribute() == null) {
            out.println("IP " + ip + " is free (block " + info.get().block() + ", affinity " + info.get().affinity()
                    + ")");
        } else {
            out.println("IP " + ip + " is in use: block " + info.get().block() + ", affinity "
                    + info.get().affinity() + ", handle " + r.get("handle") + ", attributes " + r.get("attributes"));
        }
        out.flush();
        return 0;
    }
}
