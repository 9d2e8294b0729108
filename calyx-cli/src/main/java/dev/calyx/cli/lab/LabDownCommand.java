package dev.calyx.cli.lab;

import dev.calyx.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code calyx lab down}: stops the server daemon and removes every namespace with the lab's prefix. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Remove the lab: its server daemon, every namespace with its prefix (orphans too), its state.")
public final class LabDownCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        Lab.DownReport report = Lab.down(lab.config());
        if (output == OutputFormat.json) {
            spec.commandLine().getOut().println(Json.of(report));
        } else {
            spec.commandLine().getOut().println("lab down: removed " + report.namespaces().size()
                    + " namespace(s)" + (report.daemonStopped() ? ", stopped the server daemon" : "")
                    + (report.stateRemoved() ? ", removed the state" : ""));
        }
        return 0;
    }
}
