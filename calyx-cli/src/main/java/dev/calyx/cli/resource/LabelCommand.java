package dev.calyx.cli.resource;

import dev.calyx.cli.DatastoreOptions;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calyx label KIND NAME k=v k2- [--overwrite]}: set ({@code k=v}) and remove ({@code k-}) labels. The write
 * is a compare-and-swap on the object's resourceVersion, so a concurrent change is never silently overwritten.
 */
@Command(name = "label", mixinStandardHelpOptions = true, description = "Set (k=v) or remove (k-) labels.")
public final class LabelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND") String kindName;

    @Parameters(index = "1", paramLabel = "NAME") String name;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "k=v|k-", description = "Labels to set or remove.")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, description = "Namespace of namespaced kinds (default: default).")
    String namespace;

    @Option(names = "--overwrite", description = "Allow changing the value of an existing label.")
    boolean overwrite;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Mixin DatastoreOptions datastore;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Kind kind = KindArgument.resolve(spec.commandLine(), kindName);
        Outcomes outcomes = new Outcomes("calyx label", output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        try (KvStore kv = datastore.open()) {
            Resources resources = new Resources(kv);
            Resource current = resources.get(kind, namespace, name).orElseThrow(() -> new IllegalArgumentException(
                    kind.kindName().toLowerCase() + "/" + name + ": resource does not exist"));
            Map<String, String> labels = new LinkedHashMap<>(
                    current.metadata().labels() == null ? Map.of() : current.metadata().labels());
            for (String change : changes) {
                applyChange(labels, change);
            }
            resources.replace(current.withMetadata(current.metadata().withLabels(labels)));
            outcomes.ok(ManifestWriteCommand.label(current), "labeled");
            if (output.equals("json")) {
                outcomes.finish(null);
            }
        }
        return 0;
    }

    private void applyChange(Map<String, String> labels, String change) {
        if (change.endsWith("-") && !change.contains("=")) {
            labels.remove(change.substring(0, change.length() - 1));
            return;
        }
        int eq = change.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(spec.commandLine(), "label \"" + change + "\": expected key=value or key-");
        }
        String key = change.substring(0, eq);
        String value = change.substring(eq + 1);
        String old = labels.get(key);
        if (old != null && !old.equals(value) && !overwrite) {
            throw new IllegalArgumentException("label " + key + " is already \"" + old + "\": pass --overwrite "
                    + "to change it");
        }
        labels.put(key, value);
    }
}
