package io.lvstack.cli;

import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.PluginSettings;
import io.lvstack.engine.plugin.PluginException;
import io.lvstack.engine.plugin.PluginLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvstack plugins check DIR}: validates a plugin directory without assembling an engine. */
@Command(name = "plugins", description = "Works with plugin directories.",
        subcommands = PluginsCommand.Check.class)
final class PluginsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** One line per plugin: what it provides, or why it cannot load. Exit 1 when any cannot. */
    @Command(name = "check",
            description = "Checks every plugin in DIR (default: plugins) and says what each provides or why it fails.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "plugins",
                description = "The plugin directory (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--allow-insecure",
                description = "Accept plugins that other users may write to or own (each is warned about).")
        boolean allowInsecure;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(dir)) {
                throw new io.lvstack.api.LvstackException(dir + ": no such plugin directory");
            }
            PluginLoader loader = new PluginLoader(SegmentTypeProvider.class.getClassLoader(), allowInsecure);
            int failed = 0;
            for (Path plugin : PluginLoader.plugins(dir)) {
                try {
                    PluginLoader.Loaded p = loader.load(plugin);
                    List<String> types = new ArrayList<>();
                    for (SegmentTypeProvider provider : p.providers()) {
                        for (SegmentType t : provider.segmentTypes(PluginSettings.empty())) {
                            types.add(t.name() + (t.fallback() ? " (fallback)" : ""));
                        }
                    }
                    p.warnings().forEach(w -> out.println("warning: " + w));
                    out.println("ok: " + plugin + ": plugin " + p.descriptor().name() + " " + p.descriptor().version()
                            + " (SPI " + p.descriptor().spiVersion() + "): " + String.join(", ", types));
                } catch (PluginException e) {
                    failed++;
                    out.println("error: " + e.getMessage());
                }
            }
            out.flush();
            return failed == 0 ? 0 : LvstackErrorHandler.EXIT_FAILED;
        }
    }
}
