package io.lvstack.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.RegisteredType;
import java.util.List;

/** One line of {@code lvstack segtypes}; the component names are the JSON field names. */
@JsonPropertyOrder({"name", "role", "plugin", "version", "spi", "origin", "location"})
record SegtypeRow(String name, String role, String plugin, String version, String spi, String origin,
        String location) {
    static final List<String> HEADER = List.of("TYPE", "ROLE", "PLUGIN", "VERSION", "SPI", "ORIGIN", "LOCATION");

    static SegtypeRow of(RegisteredType t) {
        Origin o = t.origin();
        return new SegtypeRow(t.name(), t.type().fallback() ? "fallback" : "primary",
                o.plugin(), o.version(), o.spiVersion().toString(), o.builtIn() ? "built in" : "plugin", o.location());
    }

    List<String> cells() {
        return List.of(name, role, plugin, version, spi, origin, location);
    }
}
