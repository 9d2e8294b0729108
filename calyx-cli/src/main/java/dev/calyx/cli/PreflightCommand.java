package dev.calyx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calyx.preflight.CheckResult;
import dev.calyx.preflight.HostPaths;
import dev.calyx.preflight.IpPrefix;
import dev.calyx.preflight.Mode;
import dev.calyx.preflight.PortNeed;
import dev.calyx.preflight.NetworkManagerFix;
import dev.calyx.preflight.Preflight;
import dev.calyx.preflight.PreflightContext;
import dev.calyx.preflight.PreflightReport;
import dev.calyx.preflight.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code calyx preflight}: checks this host before calyx is installed. Thin on purpose: options become a
 * {@link PreflightContext}, {@link Preflight#standard()} runs the checks, {@link PreflightTable} or JSON prints
 * them. Exit 0 when nothing FAILs, 1 otherwise, 2 for usage errors.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Check this host for everything calyx needs (kernel features, NetworkManager, firewalls, "
                + "CNI configs, pool overlaps, MTU, BIRD, etcd, ports) before installing.")
public final class PreflightCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--mode", defaultValue = "vxlan", converter = ModeConverter.class, paramLabel = "MODE",
            description = "Planned mode: vxlan, bgp, ipip or none (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--wireguard", description = "WireGuard encryption is planned (a missing WireGuard then fails).")
    boolean wireguard;

    @Option(names = "--datastore", paramLabel = "SPEC", description = "Datastore to read IPPools from and check: embedded:PATH or "
            + "etcd:URL[,URL...].")
    String datastore;

    @Option(names = "--pool", converter = CidrConverter.class, paramLabel = "CIDR",
            description = "Pod pool to check (repeatable; default 10.244.0.0/16 when no pool is configured).")
    List<IpPrefix> pools = new ArrayList<>();

    @Option(names = "--service-cidr", converter = CidrConverter.class, paramLabel = "CIDR",
            description = "Kubernetes service CIDR pools must not overlap.")
    IpPrefix serviceCidr;

    @Option(names = "--cni-conf-dir", paramLabel = "DIR", description = "CNI config directory (default: "
            + "/etc/cni/net.d).")
    Path cniConfDir;

    @Option(names = "--port", paramLabel = "PORT", description = "A TCP port the agent will listen on and that must "
            + "be free (repeatable; default 9099 health, 9091 metrics, plus 179 in bgp mode).")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--host-root", hidden = true, paramLabel = "DIR", description = "Read host files (etc, proc, "
            + "sys, run) under DIR: for tests, and for running inside a container with the host mounted.")
    Path hostRoot;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--fix", description = "Apply the safe, reversible fixes (NetworkManager unmanaged-devices "
            + "file), then check again.")
    boolean fix;

    @Override
    public Integer call() throws Exception {
        if (!output.equals("table") && !output.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--output: unknown format \"" + output
                    + "\" (use table or json)");
        }
        PreflightContext ctx = context();
        Preflight preflight = Preflight.standard();
        PreflightReport report = preflight.run(ctx);
        List<String> changes = List.of();
        if (fix) {
            changes = NetworkManagerFix.apply(ctx, report.results());
            if (!changes.isEmpty()) {
                report = preflight.run(ctx);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            out.println(json(report, changes));
        } else {
            PreflightTable.print(report, changes, fix, out);
        }
        out.flush();
        return report.exitCode();
    }

    PreflightContext context() {
        HostPaths p = hostRoot == null ? HostPaths.host() : HostPaths.under(hostRoot);
        if (cniConfDir != null) {
            p = p.withCniConfDir(cniConfDir);
        }
        List<PortNeed> needs = new ArrayList<>();
        for (int port : ports) {
            try {
                needs.add(new PortNeed(port, "agent"));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--port: " + e.getMessage());
            }
        }
        return PreflightContext.forHost(mode).withWireguard(wireguard).withPools(pools).withServiceCidr(serviceCidr)
                .withDatastore(datastore).withPaths(p).withPorts(needs);
    }

    static String json(PreflightReport report, List<String> changes) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !report.hasFailures());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), report.count(s));
        }
        doc.put("counts", counts);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("status", r.status().name());
            row.put("evidence", r.evidence());
            row.put("fix", r.fix());
            row.put("rulesOut", r.rulesOut());
            rows.add(row);
        }
        doc.put("checks", rows);
        doc.put("fixesApplied", changes);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }

    static final class CidrConverter implements ITypeConverter<IpPrefix> {
        @Override
        public IpPrefix convert(String value) {
            try {
                return IpPrefix.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) {
                if (m.cliName().equals(value)) {
                    return m;
                }
            }
            throw new TypeConversionException("unknown mode \"" + value + "\" (use vxlan, bgp, ipip or none)");
        }
    }
}
