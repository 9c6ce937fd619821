package io.lvstack.engine.segtype;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;

/**
 * A segment type's code failed in an SPI call with something other than lvstack's own error:
 * a bug in the plugin. The message names the type, its class, the call and what it was given,
 * so the user knows which plugin to blame; the engine has undone whatever the call was part of.
 */
public final class PluginFailure extends LvstackException {
    private static final long serialVersionUID = 1L;

    PluginFailure(SegmentType type, String call, String subject, Throwable cause) {
        super(describe(type) + " failed in " + call + (subject.isEmpty() ? "" : " of " + subject) + ": " + cause,
                cause);
    }

    /** {@code segment type 'mirror' (io.lvstack.segtype.mirror.MirrorType)}. */
    public static String describe(SegmentType type) {
        return "segment type '" + type.name() + "' (" + type.getClass().getName() + ")";
    }
}
