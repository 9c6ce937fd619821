package io.lvstack.api.link;

import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;

/**
 * What a hook may change: derived status bits of LVs. The change is recorded by the engine, so
 * it is undone with the rest of the operation when a later hook fails.
 */
public interface StatusEditor {
    void set(LvView lv, LvStatus bit);

    void clear(LvView lv, LvStatus bit);
}
