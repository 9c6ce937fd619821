package io.lvstack.cli;

import io.lvstack.engine.Engine;
import io.lvstack.engine.assembly.ConfigKeys;
import io.lvstack.engine.assembly.ConfigLayers;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lvstack config}: the effective configuration and where each value came from. */
@Command(name = "config",
        description = "Prints the effective configuration and the source of each value.")
final class ConfigCommand implements Runnable {
    static final List<String> HEADER = List.of("KEY", "VALUE", "SOURCE");

    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Engine engine = engineOptions.engine();
        ConfigLayers layers = engine.configLayers();
        Map<String, String> keys = new LinkedHashMap<>();
        ConfigKeys.DEFAULTS.forEach((k, v) -> keys.put(k, v));
        keys.putAll(engine.pluginSettings());
        Table table = new Table(HEADER);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String key = e.getKey();
            String source = layers.sourceOf(key);
            String value;
            if (source != null) {
                value = String.join(",", layers.configuration().getList(String.class, key, List.of()));
            } else if (engine.pluginSettings().containsKey(key)) {
                value = e.getValue();
                source = "default of plugin " + key.split("\\.")[1];
            } else {
                value = "";
                source = "not set";
            }
            table.add(List.of(key, value, source));
        }
        PrintWriter out = spec.commandLine().getOut();
        table.print(out);
        out.flush();
    }
}
