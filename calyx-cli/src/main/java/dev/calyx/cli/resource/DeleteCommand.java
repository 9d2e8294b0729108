package dev.calyx.cli.resource;

import dev.calyx.cli.DatastoreOptions;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.Decoded;
import dev.calyx.model.codec.ResourceCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calyx delete -f FILE} or {@code calyx delete KIND NAME...}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete resources named in manifests (-f) or by KIND NAME...")
public final class DeleteCommand implements Callable<Integer> {
    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-", description = "Manifests naming what to delete.")
    List<String> files = new ArrayList<>();

    @Parameters(paramLabel = "KIND [NAME...]", description = "Kind (ippool, gnp, netpol, ...) and names.")
    List<String> args = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, description = "Namespace of namespaced kinds (default: default).")
    String namespace;

    @Option(names = "--skip-not-exists", description = "Do not fail for objects that do not exist.")
    boolean skipNotExists;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Mixin DatastoreOptions datastore;

    @Spec CommandSpec spec;

    private record Target(Kind kind, String namespace, String name, String where) {}

    @Override
    public Integer call() {
        List<Target> targets = targets();
        Outcomes outcomes = new Outcomes("calyx delete", output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        try (KvStore kv = datastore.open()) {
            Resources resources = new Resources(kv);
            for (Target t : targets) {
                String label = t.kind().kindName().toLowerCase() + "/"
                        + (t.kind().namespaced() ? ns(t) + "/" : "") + t.name();
                try {
                    resources.delete(t.kind(), ns(t), t.name(), null);
                    outcomes.ok(label, "deleted");
                } catch (KeyNotFoundException e) {
                    if (skipNotExists) {
                        outcomes.ok(label, "skipped");
                    } else {
                        outcomes.failed(label, t.where(), label + ": resource does not exist");
                    }
                }
            }
        }
        outcomes.finish(null);
        return outcomes.failedCount() == 0 ? 0 : 1;
    }

    private String ns(Target t) {
        return t.namespace() != null ? t.namespace() : "default";
    }

    private List<Target> targets() {
        if (!files.isEmpty() && !args.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either -f FILE or KIND NAME..., not both");
        }
        List<Target> targets = new ArrayList<>();
        if (!files.isEmpty()) {
            for (ManifestSources.Source s : ManifestSources.read(files, System.in)) {
                for (Decoded d : ResourceCodec.INSTANCE.decodeAll(s.text(), s.name())) {
                    Resource r = d.resource();
                    String rns = r.metadata().namespace() != null ? r.metadata().namespace() : namespace;
                    targets.add(new Target(r.kind(), rns, r.metadata().name(), d.location() + ": "));
                }
            }
            return targets;
        }
        if (args.size() < 2) {
            throw new ParameterException(spec.commandLine(), "missing KIND and NAME (or -f FILE)");
        }
        Kind kind = KindArgument.resolve(spec.commandLine(), args.getFirst());
        args.subList(1, args.size()).forEach(n -> targets.add(new Target(kind, namespace, n, "")));
        return targets;
    }
}
