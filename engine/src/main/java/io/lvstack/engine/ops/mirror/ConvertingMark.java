package io.lvstack.engine.ops.mirror;

import io.lvstack.api.model.LvMark;

/**
 * The mark the mirror plugin sets on a mirror being converted, by value (marks are equal by name
 * and kind, whichever code made them). It is here only while the mirror operations still live in
 * the engine; it goes with them into the plugin.
 */
public final class ConvertingMark {
    public static final LvMark MARK = LvMark.of("converting");

    private ConvertingMark() {
    }
}
