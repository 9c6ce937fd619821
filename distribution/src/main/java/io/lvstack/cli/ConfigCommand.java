package io.lvstack.cli;

import io.lvstack.api.Setting;
import io.lvstack.engine.Engine;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lvstack config}: every key the engine and its plugins declare, its value and its source. */
@Command(name = "config",
        description = "Prints the effective configuration and the source of each value.")
final class ConfigCommand implements Runnable {
    static final List<String> HEADER = List.of("KEY", "VALUE", "SOURCE");

    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Option(names = "--doc", description = "Also says what each key does, the values it takes and its default.")
    boolean doc;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Engine engine = engineOptions.engine();
        PrintWriter out = spec.commandLine().getOut();
        if (doc) {
            for (Setting s : engine.settings()) {
                String value = engine.setting(s.key());
                out.println(s.key() + (value.isEmpty() ? "" : " = " + value) + " (" + engine.settingSource(s.key()) + ")");
                if (!s.doc().isEmpty()) {
                    out.println("    " + s.doc());
                }
                out.println("    Takes " + s.type().allowed() + "; default "
                        + (s.defaultValue().isEmpty() ? "none" : s.defaultValue()) + ".");
            }
        } else {
            Table table = new Table(HEADER);
            for (Setting s : engine.settings()) {
                table.add(List.of(s.key(), engine.setting(s.key()), engine.settingSource(s.key())));
            }
            table.print(out);
        }
        out.flush();
    }
}
