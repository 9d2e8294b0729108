package dev.calyx.cli.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calyx node ...}: the node agent and, later, its status. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run and inspect the calyx node agent.",
        subcommands = {NodeRunCommand.class})
public final class NodeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: see 'calyx node --help'");
    }
}
