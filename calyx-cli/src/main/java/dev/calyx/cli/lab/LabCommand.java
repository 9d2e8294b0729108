package dev.calyx.cli.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code calyx lab}: a scratch cluster of pods as network namespaces to check network policy against the Kubernetes
 * truth tables. Nothing of it touches the host's own namespace; {@code calyx lab down} removes all of it.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Pods as network namespaces, a reachability prober and the NetworkPolicy conformance runner.",
        subcommands = {LabUpCommand.class, LabDownCommand.class, LabStatusCommand.class, LabProbeCommand.class,
            LabLabelCommand.class, LabConformanceCommand.class, LabServeCommand.class})
public final class LabCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing lab command: see 'calyx lab --help'");
    }
}
