package dev.calyx.cli.resource;

import dev.calyx.cli.DatastoreOptions;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.Decoded;
import dev.calyx.model.codec.ResourceCodec;
import java.io.PrintWriter;
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

    @Mixin DatastoreOptions datastore;

    @Spec CommandSpec spec;

    /** Writes one prepared object and returns the outcome word ("created", "unchanged", ...). */
    abstract String write(Resources resources, Resource resource);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tally tally = new Tally();
        List<Decoded> objects = decodeAll(err, tally);
        if (dryRun) {
            objects.forEach(d -> validateOnly(d, out, err, tally));
            out.println(tally.summary() + " (dry run: nothing written)");
        } else if (!objects.isEmpty()) {
            try (KvStore kv = datastore.open()) {
                Resources resources = new Resources(kv);
                objects.forEach(d -> writeOne(resources, d, out, err, tally));
            }
            out.println(tally.summary());
        } else {
            out.println(tally.summary());
        }
        return tally.failed() == 0 && tally.total() > 0 ? 0 : 1;
    }

    private List<Decoded> decodeAll(PrintWriter err, Tally tally) {
        List<Decoded> objects = new ArrayList<>();
        for (ManifestSources.Source source : ManifestSources.read(files, System.in)) {
            try {
                objects.addAll(ResourceCodec.INSTANCE.decodeAll(source.text(), source.name()));
            } catch (RuntimeException e) {
                err.println(name() + ": " + e.getMessage());
                tally.add("failed");
            }
        }
        return objects;
    }

    private void validateOnly(Decoded d, PrintWriter out, PrintWriter err, Tally tally) {
        try {
            Resources.prepare(d.resource());
            out.println(label(d.resource()) + " valid");
            tally.add("valid");
        } catch (RuntimeException e) {
            fail(d, e, err, tally);
        }
    }

    private void writeOne(Resources resources, Decoded d, PrintWriter out, PrintWriter err, Tally tally) {
        try {
            String outcome = write(resources, d.resource());
            out.println(label(d.resource()) + " " + outcome);
            tally.add(outcome);
        } catch (dev.calyx.datastore.DatastoreUnavailableException e) {
            throw e; // every later object would fail the same way: stop with the one message
        } catch (RuntimeException e) {
            fail(d, e, err, tally);
        }
    }

    private void fail(Decoded d, RuntimeException e, PrintWriter err, Tally tally) {
        err.println(name() + ": " + d.location() + ": " + e.getMessage());
        tally.add("failed");
    }

    private String name() {
        return "calyx " + spec.name();
    }

    static String label(Resource r) {
        String ns = r.kind().namespaced() && r.metadata().namespace() != null ? r.metadata().namespace() + "/" : "";
        return r.kind().kindName().toLowerCase(Locale.ROOT) + "/" + ns + r.metadata().name();
    }
}
