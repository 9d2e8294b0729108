package dev.calyx.cli;

import dev.calyx.cli.resource.ApplyCommand;
import dev.calyx.cli.resource.CreateCommand;
import dev.calyx.cli.resource.DeleteCommand;
import dev.calyx.cli.resource.GetCommand;
import dev.calyx.cli.resource.LabelCommand;
import dev.calyx.cli.resource.ReplaceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code calyx} command. Each subcommand is its own class; this list is the one place they are
 * registered, so the CLI's surface can be read here at a glance.
 */
@Command(
        name = "calyx",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Calico-compatible container networking and network security.",
        subcommands = {
            ApplyCommand.class,
            CreateCommand.class,
            ReplaceCommand.class,
            DeleteCommand.class,
            GetCommand.class,
            LabelCommand.class,
            VersionCommand.class,
            QuickstartCommand.class,
            IpamCommand.class,
            SelectorCommand.class,
            PreflightCommand.class,
            dev.calyx.cli.lab.LabCommand.class,
            dev.calyx.cli.install.InstallCommand.class,
            dev.calyx.cli.install.UninstallCommand.class,
            dev.calyx.cli.node.NodeCommand.class,
        })
public final class CalyxCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: see 'calyx --help'");
    }
}
