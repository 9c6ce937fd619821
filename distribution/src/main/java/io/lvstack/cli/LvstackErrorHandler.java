package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an {@link LvstackException} into its one-line message and exit code 1. Any other
 * exception is a bug and keeps its stack trace.
 */
final class LvstackErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) throws Exception {
        if (!(e instanceof LvstackException)) {
            throw e;
        }
        cmd.getErr().println("lvstack: " + e.getMessage());
        cmd.getErr().flush();
        return EXIT_ERROR;
    }
}
