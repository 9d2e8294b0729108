package dev.calyx.cli.resource;

import dev.calyx.cli.DatastoreOptions;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.ResourceCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calyx get KIND [NAME...] [-n NS | -A] [-o ps|wide|yaml|json|name]}. YAML and JSON output re-apply
 * unchanged: {@code get -o yaml | apply -f -} changes nothing.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show resources.")
public final class GetCommand implements Callable<Integer> {
    enum Format { ps, wide, yaml, json, name }

    @Parameters(index = "0", paramLabel = "KIND", description = "Kind: ippool, gnp, netpol, node, ... (any "
            + "calicoctl name: singular, plural or short).")
    String kindName;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Names; all objects when omitted.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, description = "Namespace of namespaced kinds (default: default).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "All namespaces.")
    boolean allNamespaces;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "ps",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output;

    @Mixin DatastoreOptions datastore;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Kind kind = KindArgument.resolve(spec.commandLine(), kindName);
        if (allNamespaces && (namespace != null || !names.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "-A lists every object: give no -n and no NAME");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Resource> items = new ArrayList<>();
        int missing = 0;
        try (KvStore kv = datastore.open()) {
            Resources resources = new Resources(kv);
            String ns = allNamespaces ? null : (namespace == null ? "default" : namespace);
            if (names.isEmpty()) {
                items.addAll(resources.list(kind, ns));
            }
            for (String name : names) {
                var found = resources.get(kind, ns, name);
                if (found.isPresent()) {
                    items.add(found.get());
                } else {
                    err.println("calyx get: " + kind.kindName().toLowerCase(Locale.ROOT) + "/" + name
                            + (kind.namespaced() ? " in namespace " + ns : "") + ": resource does not exist");
                    missing++;
                }
            }
        }
        print(kind, items, out);
        return missing == 0 ? 0 : 1;
    }

    private void print(Kind kind, List<Resource> items, PrintWriter out) {
        ResourceCodec codec = ResourceCodec.INSTANCE;
        boolean single = names.size() == 1 && items.size() == 1;
        switch (output) {
            case ps, wide -> out.print(ResourceTable.render(kind, items, output == Format.wide, allNamespaces));
            case yaml -> out.print(single ? codec.encodeYaml(items.getFirst()) : codec.encodeYaml(items));
            case json -> out.println(single ? codec.encodeJson(items.getFirst()) : codec.encodeJson(items));
            case name -> items.forEach(r -> out.println(ManifestWriteCommand.label(r)));
        }
        out.flush();
    }
}
