package io.lvstack.api.link;

/**
 * Called by the engine for every upward-link change. A segment type's hook is called for links
 * whose user segment is of that type; hooks an embedding program registers with the engine are
 * called for every link, after the type's hook. A hook that throws makes the engine undo the
 * whole change, including what earlier hooks did through the {@link MarkEditor}.
 */
public interface LinkHook {
    /** {@code event.user()} now references {@code event.used()} once more. */
    default void linked(LinkEvent event, MarkEditor marks) {
    }

    /** {@code event.user()} now references {@code event.used()} once less. */
    default void unlinked(LinkEvent event, MarkEditor marks) {
    }
}
