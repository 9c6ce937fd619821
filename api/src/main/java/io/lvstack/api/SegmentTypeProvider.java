package io.lvstack.api;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} service a segment-type plugin registers, typically with
 * {@code @AutoService(SegmentTypeProvider.class)}. One provider may supply several types.
 *
 * <p>Implementations need a public no-argument constructor and must not do work in it: the
 * engine checks {@link #spiVersion()} before it calls anything else.
 */
public interface SegmentTypeProvider {

    /**
     * The SPI version this plugin was compiled against. Implement it as
     * {@code return SpiVersion.of(SpiVersion.MAJOR, SpiVersion.MINOR);} so the compiler copies
     * the constants of the api jar the plugin was built with.
     */
    SpiVersion spiVersion();

    /** A short plugin name, the {@code NAME} of its {@code segtype.NAME.} settings. */
    String pluginName();

    /** The plugin's own version. */
    String pluginVersion();

    /**
     * The settings this plugin reads under {@code segtype.<pluginName>.}, keys relative to that
     * prefix. A key set there that is not declared is an error ("did you mean ..."), and so is a
     * value its type does not allow: the engine checks both before it calls
     * {@link #segmentTypes}. None by default.
     *
     * @since SPI 2.0
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * The segment types this plugin provides.
     *
     * @param settings the settings under {@code segtype.<name>.} for the types it provides
     */
    List<SegmentType> segmentTypes(PluginSettings settings);
}
