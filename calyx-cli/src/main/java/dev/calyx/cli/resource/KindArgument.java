package dev.calyx.cli.resource;

import dev.calyx.model.Kind;
import dev.calyx.model.Kinds;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Resolves the KIND argument as calicoctl does (singular, plural, short names), or fails as a usage error. */
final class KindArgument {
    private KindArgument() {}

    static Kind resolve(CommandLine cl, String name) {
        return Kinds.lookup(name).orElseThrow(() -> new ParameterException(cl, "unknown resource type \"" + name
                + "\"; known: " + Arrays.stream(Kind.values()).map(Kind::plural).sorted()
                .collect(Collectors.joining(", "))));
    }
}
