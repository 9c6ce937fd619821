package io.lvstack.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error: the message, the command's synopsis and a pointer to {@code --help}, on stderr,
 * and LVM2's status (checked with LVM2 2.03.16): 2 ({@code ENO_SUCH_CMD}) when no command is
 * named or its name is unknown, 3 ({@code EINVALID_CMD_LINE}) for bad options or arguments.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    /** LVM2's {@code ENO_SUCH_CMD}. */
    static final int NO_SUCH_COMMAND = 2;
    /** LVM2's {@code EINVALID_CMD_LINE}. */
    static final int INVALID_COMMAND_LINE = 3;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        CommandSpec spec = cmd.getCommandSpec();
        PrintWriter err = cmd.getErr();
        err.println("lvstack: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print(cmd.getHelp().fullSynopsis());
        err.printf("Try '%s --help' for more information.%n", spec.qualifiedName());
        err.flush();
        boolean noCommand = spec.parent() == null && !(e instanceof picocli.CommandLine.UnmatchedArgumentException u
                && u.getUnmatched().stream().allMatch(a -> a.startsWith("-")));
        return noCommand ? NO_SUCH_COMMAND : INVALID_COMMAND_LINE;
    }
}
