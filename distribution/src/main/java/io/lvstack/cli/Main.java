package io.lvstack.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * Entry point of the {@code lvstack} tool. Exit codes: 0 success, 1 an error the engine or a
 * plugin explained, 2 a usage error.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset));
        int code;
        try {
            code = run(out, err, args);
        } catch (OutOfMemoryError e) {
            err.println("lvstack: out of memory; give the JVM more with LVSTACK_JAVA_OPTS=-Xmx...");
            code = LvstackErrorHandler.EXIT_ERROR;
        } catch (StackOverflowError e) {
            err.println("lvstack: internal error: stack overflow (please report it)");
            code = LvstackErrorHandler.EXIT_ERROR;
        }
        // System.exit does not flush writers.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new CommandLine(new LvstackCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new LvstackErrorHandler());
    }
}
