package io.lvstack.api.link;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * One change of an upward link: segment {@code user} took ({@code linked}) or dropped
 * ({@code unlinked}) a reference to {@code used} through {@code via}. Fired after the engine
 * updated both directions, so the views already show the new state.
 */
public record LinkEvent(LvView used, SegmentView user, Via via) {
}
