package dev.calyx.cli.install;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

final class Outputs {
    private Outputs() {}

    static void check(CommandSpec spec, String output) {
        if (!output.equals("text") && !output.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--output: unknown format \"" + output
                    + "\" (use text or json)");
        }
    }
}
