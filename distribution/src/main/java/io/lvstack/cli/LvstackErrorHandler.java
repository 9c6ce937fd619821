package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.NameRefusal;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an {@link LvstackException} into its one-line message and exit code 1, or the status LVM2
 * exits with where lvstack refuses as LVM2 does ({@link NameRefusal}, {@link CommandLineRefusal}).
 * Any other exception is a bug: it gets a one-line message too, and its stack trace only when
 * {@code LVSTACK_DEBUG} is set, so users never see a trace.
 */
final class LvstackErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) throws Exception {
        if (!(e instanceof LvstackException)) {
            cmd.getErr().println("lvstack: internal error: " + e
                    + " (please report it; set LVSTACK_DEBUG=1 to see where it happened)");
            if (System.getenv("LVSTACK_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return EXIT_ERROR;
        }
        cmd.getErr().println("lvstack: " + e.getMessage());
        cmd.getErr().flush();
        return status((LvstackException) e);
    }

    static int status(LvstackException e) {
        if (e instanceof NameRefusal n) {
            return n.lvmStatus();
        }
        return e instanceof CommandLineRefusal ? CommandLineRefusal.STATUS : EXIT_ERROR;
    }
}
