package io.lvstack.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point of the {@code lvstack} tool. Exit codes are LVM2's: 0 success, 5 a failed command
 * (an error the engine or a plugin explained: a refused change, a file that cannot be read,
 * validated or written, problems {@code check} found), 3 a bad command line (a usage error, a name
 * LVM2 refuses), 2 an unknown command.
 */
public final class Main {
    /** Options that make the top command print something listing every subcommand. */
    private static final Set<String> TOP_HELP = Set.of("-h", "--help", "-V", "--version");
    private static final Set<String> TOP_VERSION = Set.of("-V", "--version");

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
            code = LvstackErrorHandler.EXIT_FAILED;
        } catch (StackOverflowError e) {
            err.println("lvstack: internal error: stack overflow (please report it)");
            code = LvstackErrorHandler.EXIT_FAILED;
        }
        // System.exit does not flush writers.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    /**
     * The command line for {@code args}: the subcommands {@code args} name, or all of them when
     * they name none (an unknown or missing subcommand) or ask for the top command's help or
     * version before naming one (after it, {@code -h} is the subcommand's and {@code -V} may be
     * lvcreate's {@code --virtualsize}). A word that names a subcommand without invoking it (a file
     * called {@code lvs}) merely adds one more; the subcommand invoked is always among those added,
     * so parsing is as with all of them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine top = new CommandLine(new LvstackCommand());
        Set<String> words = new HashSet<>(Arrays.asList(args));
        Set<String> names = new HashSet<>();
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> sub : LvstackCommand.SUBCOMMANDS) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            names.add(name);
            if (words.contains(name)) {
                named.add(sub);
            }
        }
        boolean topHelp = false;
        for (int i = 0; i < args.length && !names.contains(args[i]); i++) {
            topHelp |= TOP_HELP.contains(args[i]);
        }
        boolean all = named.isEmpty() || topHelp;
        if (args.length == 1 && TOP_VERSION.contains(args[0])) {
            all = false; // the version names no subcommand: building their models is start-up time
        }
        for (Class<?> sub : all ? LvstackCommand.SUBCOMMANDS : named) {
            top.addSubcommand(sub);
        }
        return top.setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new LvstackErrorHandler());
    }
}
