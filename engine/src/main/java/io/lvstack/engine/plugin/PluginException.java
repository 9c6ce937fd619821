package io.lvstack.engine.plugin;

import io.lvstack.api.LvstackException;
import java.nio.file.Path;

/**
 * A plugin that cannot be loaded, classified: one line naming the plugin's path, what is wrong
 * and how to fix it.
 */
public final class PluginException extends LvstackException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so callers and tests can tell failures apart. */
    public enum Kind {
        UNREADABLE_JAR("unreadable or corrupt jar"),
        NOT_A_PLUGIN("no lvstack-plugin.properties"),
        NO_PROVIDER("no segment-type provider registered"),
        BAD_PROVIDER("provider class missing or not implementing the SPI"),
        SPI_MISMATCH("built for another SPI version"),
        DUPLICATE("duplicate"),
        UNSAFE("unsafe plugin location"),
        FAILED("plugin failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final transient Path path;

    public PluginException(Kind kind, Path path, String detail, String fix) {
        super("plugin " + path + ": " + kind.label() + ": " + detail + (fix == null ? "" : "; " + fix));
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }
}
