package dev.calyx.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one readable line on stderr and exit code 1. The message of our
 * own exceptions already names the object, field or file at fault; the stack trace is only shown with
 * {@code CALYX_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        // The full path ("calyx lab up"), so the user sees which command failed, not just its last word.
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + msg);
        if ("1".equals(System.getenv("CALYX_DEBUG"))) {
            ex.printStackTrace(cl.getErr());
        }
        return 1;
    }
}
