package dev.calyx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calyx.ipam.IpamJson;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code calyx ipam ...}: inspect and repair IP address management (calicoctl's {@code ipam} commands, plus
 * {@code gc}). Each subcommand is a nested class in its own file, listed here.
 */
@Command(name = "ipam", mixinStandardHelpOptions = true,
        description = "Show, check and repair IP address management (blocks, handles, leaks).",
        subcommands = {
            IpamShowCommand.class,
            IpamCheckCommand.class,
            IpamReleaseCommand.class,
            IpamConfigureCommand.class,
            IpamGcCommand.class,
        })
public final class IpamCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: see 'calyx ipam --help'");
    }

    /** Pretty JSON for {@code -o json}. */
    static void printJson(PrintWriter out, Object value) {
        try {
            ObjectMapper m = IpamJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(m.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("encode output: " + e.getMessage(), e);
        }
    }

    /** Validates an {@code -o} value of commands that print either text or json. */
    static boolean json(String output) {
        return switch (output) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new IllegalArgumentException("--output: unknown format \"" + output
                    + "\" (use text or json)");
        };
    }
}
