package dev.calyx.cli;

import dev.calyx.datastore.KvStore;
import dev.calyx.ipam.Finding;
import dev.calyx.ipam.IpamCheck;
import dev.calyx.ipam.IpamJson;
import dev.calyx.ipam.IpamReport;
import dev.calyx.ipam.IpamStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calyx ipam check}: read-only leak and consistency check. Exit 0 when clean, 1 when anything was found
 * (each finding printed), so scripts can alert on it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Find leaked addresses, orphaned handles/affinities and inconsistencies (read-only). "
                + "Exit 1 if anything was found.")
public final class IpamCheckCommand implements Callable<Integer> {
    @Mixin DatastoreOptions datastore;
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|json",
            description = "Write the report as JSON to FILE (for 'calyx ipam release --from-report'); "
                    + "'json' prints it on stdout instead of the text summary.")
    String output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        IpamReport report;
        try (KvStore kv = datastore.open()) {
            report = new IpamCheck(new IpamStore(kv), InstantSource.system()).run();
        }
        if ("json".equals(output)) {
            IpamCommand.printJson(out, report);
        } else {
            out.printf("Checked %d blocks, %d allocations, %d handles, %d affinities (revision %d).%n",
                    report.blocks(), report.allocations(), report.handles(), report.affinities(), report.revision());
            if (report.clean()) {
                out.println("No problems found.");
            }
            report.counts().forEach((k, n) ->
                    out.println(n + " " + k + (k.repairable() ? "" : " (not repairable by gc)")));
            for (Finding f : report.findings()) {
                out.println("  " + f.describe());
            }
            if (output != null) {
                write(Path.of(output), report);
                out.println("Report written to " + output);
            }
        }
        out.flush();
        return report.clean() ? 0 : 1;
    }

    private static void write(Path file, IpamReport report) {
        try {
            Files.write(file, IpamJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("write report " + file + ": " + e.getMessage(), e);
        }
    }
}
