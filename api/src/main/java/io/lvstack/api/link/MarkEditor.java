package io.lvstack.api.link;

import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;

/**
 * What a hook may change: the marks of LVs. The change is recorded by the engine, so it is undone
 * with the rest of the operation when a later hook fails.
 */
public interface MarkEditor {
    void set(LvView lv, LvMark mark);

    void clear(LvView lv, LvMark mark);
}
