package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.NameRefusal;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an {@link LvstackException} into its one-line message and an exit status, LVM2's: the
 * status LVM2 exits with where lvstack refuses as LVM2 does ({@link NameRefusal}, {@link
 * CommandLineRefusal}: 3 for a bad command line), else 5 (LVM2's {@code ECMD_FAILED}): a refused
 * change, a file that cannot be read, validated or written, problems found. Any other exception
 * is a bug: it gets a one-line message too, and its stack trace only when {@code LVSTACK_DEBUG}
 * is set, so users never see a trace.
 */
final class LvstackErrorHandler implements IExecutionExceptionHandler {
    /** A command failed: LVM2's {@code ECMD_FAILED}. */
    static final int EXIT_FAILED = 5;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) throws Exception {
        if (!(e instanceof LvstackException)) {
            cmd.getErr().println("lvstack: internal error: " + e
                    + " (please report it; set LVSTACK_DEBUG=1 to see where it happened)");
            if (System.getenv("LVSTACK_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return EXIT_FAILED;
        }
        cmd.getErr().println("lvstack: " + e.getMessage());
        cmd.getErr().flush();
        return status((LvstackException) e);
    }

    static int status(LvstackException e) {
        if (e instanceof NameRefusal n) {
            return n.lvmStatus();
        }
        if (e instanceof CommandLineRefusal || e instanceof io.lvstack.api.ops.BadCommandLine) {
            return CommandLineRefusal.STATUS;
        }
        return EXIT_FAILED;
    }
}
