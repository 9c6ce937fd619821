package io.lvstack.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A usage error: the message, the command's synopsis and a pointer to {@code --help}, on stderr. */
final class UsageErrorHandler implements IParameterExceptionHandler {
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
        return spec.exitCodeOnInvalidInput();
    }
}
