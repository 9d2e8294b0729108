package dev.calyx.cli.resource;

import dev.calyx.cli.DatastoreOptions;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.Decoded;
import dev.calyx.model.codec.ResourceCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared shape of {@code apply}, {@code create} and {@code replace}: read every {@code -f} source, decode and
 * validate every object, then write each one, reporting each object's outcome and a summary line.
 *
 * <p>A source that fails to decode fails as a whole (its objects are not written: half a file applied is harder to
 * reason about than none); other sources still go ahead. Exit code 0 when every object succeeded, 1 otherwise.
 * {@code --dry-run} decodes, defaults and validates without opening the datastore at all.
 */
abstract class ManifestWriteCommand implements Callable<Integer> {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Manifest file, directory (recursive) or - for stdin; repeatable.")
    List<String> files;

    @Option(names = "--dry-run", description = "Validate only: decode, default and validate, write nothing.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per object and a summary) or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Mixin DatastoreOptions datastore;

    @Spec CommandSpec spec;

    /** Writes one prepared object and returns the outcome word ("created", "unchanged", ...). */
    abstract String write(Resources resources, Resource resource);

    @Override
    public Integer call() {
        Outcomes outcomes = new Outcomes("calyx " + spec.name(), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        List<Decoded> objects = decodeAll(outcomes);
        if (dryRun) {
            objects.forEach(d -> validateOnly(d, outcomes));
        } else if (!objects.isEmpty()) {
            try (KvStore kv = datastore.open()) {
                Resources resources = new Resources(kv);
                objects.forEach(d -> writeOne(resources, d, outcomes));
            }
        }
        outcomes.finish(dryRun ? "(dry run: nothing written)" : null);
        return outcomes.failedCount() == 0 && !outcomes.isEmpty() ? 0 : 1;
    }

    private List<Decoded> decodeAll(Outcomes outcomes) {
        List<Decoded> objects = new ArrayList<>();
        for (ManifestSources.Source source : ManifestSources.read(files, System.in)) {
            try {
                objects.addAll(ResourceCodec.INSTANCE.decodeAll(source.text(), source.name()));
            } catch (RuntimeException e) {
                outcomes.failed(null, "", e.getMessage());
            }
        }
        return objects;
    }

    private void validateOnly(Decoded d, Outcomes outcomes) {
        try {
            Resources.prepare(d.resource());
            outcomes.ok(label(d.resource()), "valid");
        } catch (RuntimeException e) {
            outcomes.failed(label(d.resource()), d.location() + ": ", e.getMessage());
        }
    }

    private void writeOne(Resources resources, Decoded d, Outcomes outcomes) {
        try {
            outcomes.ok(label(d.resource()), write(resources, d.resource()));
        } catch (dev.calyx.datastore.DatastoreUnavailableException e) {
            throw e; // every later object would fail the same way: stop with the one message
        } catch (RuntimeException e) {
            outcomes.failed(label(d.resource()), d.location() + ": ", e.getMessage());
        }
    }

    static String label(Resource r) {
        String ns = r.kind().namespaced() && r.metadata().namespace() != null ? r.metadata().namespace() + "/" : "";
        return r.kind().kindName().toLowerCase(Locale.ROOT) + "/" + ns + r.metadata().name();
    }
}
