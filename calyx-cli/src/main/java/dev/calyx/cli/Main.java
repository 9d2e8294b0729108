package dev.calyx.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code calyx} command.
 *
 * <p>Exit codes follow calicoctl's habits: 0 all done, 1 some objects or checks failed (each reported), 2 usage
 * error. Errors that escape a command are printed as one line naming what was wrong, never as a bare stack trace;
 * {@code CALYX_DEBUG=1} adds the trace for developers.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CalyxCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
