package io.lvstack.engine.segtype;

/**
 * An engine object a plugin is handed, as a {@link PluginFailure} names it ({@code LV vg/lv
 * segment 2 (LE 10-19)} for a segment, {@code vg/lv} for an LV). The engine's segments and LVs
 * implement it, so {@link GuardedSegmentType} names them without depending on the graph.
 */
public interface FailureSubject {
    String failureSubject();
}
