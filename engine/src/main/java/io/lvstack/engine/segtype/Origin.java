package io.lvstack.engine.segtype;

import io.lvstack.api.SpiVersion;

/**
 * Where a segment type came from: the plugin that provided it, the jar (or class directory) its
 * provider class was loaded from, and whether that was the tool's own class path (built in) or a
 * plugin directory.
 */
public record Origin(String plugin, String version, SpiVersion spiVersion, String location, boolean builtIn) {
    /** Origin of types the engine makes itself (unknown segment types). */
    public static final Origin ENGINE = new Origin("engine", "", SpiVersion.CURRENT, "built into the engine", true);
}
