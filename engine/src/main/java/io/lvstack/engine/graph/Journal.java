package io.lvstack.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Undo log of one volume group. Every mutation of the graph records its inverse here first, so
 * that a failed operation (a refused reference, a hook or plugin that throws) can be rolled back
 * to the exact state it started from.
 */
final class Journal {
    private final List<Runnable> undo = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private boolean suspended;

    int mark() {
        return undo.size();
    }

    void record(Runnable inverse) {
        if (!suspended) {
            undo.add(inverse);
        }
    }

    /** Stops recording: for loading a fresh VG, which is discarded whole if loading fails. */
    void suspend(boolean on) {
        suspended = on;
    }

    /** Undoes everything recorded after {@code mark}, newest first. */
    void rollbackTo(int mark) {
        for (int i = undo.size() - 1; i >= mark; i--) {
            undo.remove(i).run();
        }
    }

    /** Runs {@code action} when the outermost change commits (clean-up that undo must not see). */
    void onCommit(Runnable action) {
        onCommit.add(action);
    }

    /** Forgets the recorded inverses once an outermost operation has completed. */
    void commit() {
        undo.clear();
        for (Runnable r : onCommit) {
            r.run();
        }
        onCommit.clear();
    }
}
