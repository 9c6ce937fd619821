package io.lvstack.testkit;

import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link MarkEditor} for calling a type's {@link io.lvstack.api.link.LinkHook} without an
 * engine: it keeps every change in order as {@code "set LV MARK"} or {@code "clear LV MARK"}
 * (by the LV's and the mark's names), and applies it to the LV when that is a {@link FakeLv}, so
 * hooks that read marks see their own earlier changes, as in the engine. Not thread-safe.
 */
public final class RecordingMarkEditor implements MarkEditor {
    private final List<String> changes = new ArrayList<>();

    @Override
    public void set(LvView lv, LvMark mark) {
        changes.add("set " + lv.name() + " " + mark.name());
        if (lv instanceof FakeLv fake) {
            fake.addMarks(mark);
        }
    }

    @Override
    public void clear(LvView lv, LvMark mark) {
        changes.add("clear " + lv.name() + " " + mark.name());
        if (lv instanceof FakeLv fake) {
            fake.removeMarks(mark);
        }
    }

    /** Every change, in order. */
    public List<String> changes() {
        return Collections.unmodifiableList(changes);
    }
}
