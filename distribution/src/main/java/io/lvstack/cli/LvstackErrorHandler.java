package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.NameRefusal;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an {@link LvstackException} into its one-line message and an exit status: the status
 * LVM2 exits with where lvstack refuses as LVM2 does ({@link NameRefusal}, {@link
 * CommandLineRefusal}); 5 when a command that changes metadata refuses the change (LVM2's status
 * for a failed command); 1 otherwise, including such a command's file that cannot be read,
 * validated or written ({@link FileError}). Any other
 * exception is a bug: it gets a one-line message too, and its stack trace only when
 * {@code LVSTACK_DEBUG} is set, so users never see a trace.
 */
final class LvstackErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_ERROR = 1;
    /** A command that changes metadata refused the change: LVM2's ECMD_FAILED. */
    static final int EXIT_REFUSED = 5;

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
        return status((LvstackException) e, changesMetadata(cmd));
    }

    static int status(LvstackException e, boolean changesMetadata) {
        if (e instanceof NameRefusal n) {
            return n.lvmStatus();
        }
        if (e instanceof CommandLineRefusal) {
            return CommandLineRefusal.STATUS;
        }
        return changesMetadata && !(e instanceof FileError) ? EXIT_REFUSED : EXIT_ERROR;
    }

    /** Whether {@code cmd} is a command that changes a metadata file (lvcreate, lvremove, pvmove, ...). */
    private static boolean changesMetadata(CommandLine cmd) {
        return cmd.getCommandSpec().mixins().containsKey(MutationOptions.MIXIN);
    }
}
