package dev.calyx.cli;

import dev.calyx.datastore.KvStore;
import dev.calyx.ipam.Finding;
import dev.calyx.ipam.IpAddr;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamJson;
import dev.calyx.ipam.IpamReport;
import dev.calyx.ipam.ReleaseOptions;
import dev.calyx.ipam.ReleaseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calyx ipam release}: free addresses by hand, or every leak listed in a check report. Report releases
 * carry each allocation's handle and sequence number, so an address re-allocated since the check is left alone
 * (calicoctl instead refuses unless the datastore is locked).
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Release addresses (--ip) or the leaked allocations of a check report (--from-report).")
public final class IpamReleaseCommand implements Callable<Integer> {
    @Mixin DatastoreOptions datastore;
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--ip", paramLabel = "IP", description = "Address to release (repeatable).")
        List<String> ips;

        @Option(names = "--from-report", paramLabel = "FILE", description = "Report from 'calyx ipam check -o FILE'.")
        Path report;
    }

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: text).")
    String output;

    @Override
    public Integer call() {
        boolean json = IpamCommand.json(output);
        List<ReleaseOptions> requests = source.report != null ? fromReport(source.report)
                : source.ips.stream().map(s -> ReleaseOptions.of(IpAddr.parse(s))).toList();
        ReleaseResult r;
        try (KvStore kv = datastore.open()) {
            r = IpamClient.over(kv).release(requests);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            IpamCommand.printJson(out, Map.of("released", r.released().stream().map(IpAddr::toString).toList(),
                    "notAllocated", r.notAllocated().stream().map(IpAddr::toString).toList(), "skipped", r.skipped()));
        } else {
            r.released().forEach(ip -> out.println("released " + ip));
            r.notAllocated().forEach(ip -> out.println("not allocated: " + ip));
            r.skipped().forEach(s -> out.println("skipped " + s));
            out.println(r.released().size() + " released, " + r.notAllocated().size() + " not allocated, "
                    + r.skipped().size() + " skipped");
        }
        out.flush();
        return r.skipped().isEmpty() ? 0 : 1;
    }

    private static List<ReleaseOptions> fromReport(Path file) {
        IpamReport report;
        try {
            report = IpamJson.MAPPER.readValue(Files.readAllBytes(file), IpamReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("--from-report " + file + ": " + e.getMessage(), e);
        }
        if (!IpamReport.VERSION.equals(report.version())) {
            throw new IllegalArgumentException("--from-report " + file + ": report version \"" + report.version()
                    + "\", expected " + IpamReport.VERSION);
        }
        return report.of(Finding.Kind.LEAKED_ALLOCATION).stream()
                .map(f -> new ReleaseOptions(IpAddr.parse(f.ip()), f.handle(), f.sequenceNumber())).toList();
    }
}
