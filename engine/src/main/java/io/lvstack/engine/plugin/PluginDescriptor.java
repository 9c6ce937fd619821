package io.lvstack.engine.plugin;

import io.lvstack.api.SpiVersion;

/**
 * What {@code META-INF/lvstack-plugin.properties} says of a plugin: read from its jars before
 * any of its classes is loaded, so the SPI version is checked first.
 */
public record PluginDescriptor(String name, String version, SpiVersion spiVersion) {
}
