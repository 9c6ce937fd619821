package io.lvstack.cli;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that configure the engine, mixed into the top command and every subcommand that
 * needs an engine. A subcommand's {@link #engine()} combines the options given at each level of
 * the command line, the deeper level winning: in {@code lvstack -D a=1 sub -D a=2}, {@code a} is
 * 2. Within a level, {@code -D} settings win over the {@code --config} file.
 */
final class EngineOptions {
    /** The name every command gives this mixin, so a subcommand finds its ancestors' options. */
    static final String MIXIN = "engineOptions";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Sets a configuration key, overriding --config (repeatable).")
    private final Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Reads configuration keys from a properties file.")
    private Path configFile;

    private Engine engine;
    private final Object builderLock = new Object();
    private Lvstack builder;

    /**
     * The engine these options describe, built on first use; safe to call from two threads. What
     * assembling it warned about (plugins skipped) goes to standard error once.
     */
    synchronized Engine engine() {
        if (engine == null) {
            engine = build();
            PrintWriter err = mixee.commandLine().getErr();
            for (String w : engine.warnings()) {
                err.println("lvstack: warning: " + w);
            }
            err.flush();
        }
        return engine;
    }

    /** The configuration's named layers, without assembling the engine. */
    io.lvstack.engine.assembly.ConfigLayers layers() {
        return builder().layers();
    }

    private Engine build() {
        return builder().build();
    }

    /**
     * The engine builder these options describe, made once: the configuration files it reads
     * and the layers it stacks serve both the parse limits and the engine, which two threads
     * ask for at the same time.
     */
    private Lvstack builder() {
        // Not this object's lock: engine() holds that for as long as assembly takes.
        synchronized (builderLock) {
            if (builder == null) {
                builder = newBuilder();
            }
            return builder;
        }
    }

    private Lvstack newBuilder() {
        Deque<EngineOptions> chain = new ArrayDeque<>();
        for (CommandSpec c = mixee; c != null; c = c.parent()) {
            CommandSpec mixin = c.mixins().get(MIXIN);
            if (mixin != null) {
                chain.addFirst((EngineOptions) mixin.userObject());
            }
        }
        Lvstack builder = Lvstack.builder();
        // Later set() calls replace earlier ones: outermost first, so the innermost wins.
        for (EngineOptions level : chain) {
            level.settings.forEach(builder::set);
        }
        // Each configuration layer ranks below those added before it: innermost first.
        for (var it = chain.descendingIterator(); it.hasNext(); ) {
            EngineOptions level = it.next();
            if (level.configFile != null) {
                builder.configuration("--config " + level.configFile, ConfigFile.load(level.configFile));
            }
        }
        builder.systemProperties(System.getProperties()).environment(System.getenv());
        Distribution.conf().ifPresent(c -> builder.distribution(c.name(), c.config()));
        return builder;
    }
}
