package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.ops.VgEditor;

/**
 * LVM2's {@code yes_no_prompt}: {@code -y} answers yes; without it there is no one to answer, and
 * no answer is no, so the question goes out unanswered and the command stops in LVM2's words.
 */
final class Questions {
    private Questions() {
    }

    /**
     * Asks {@code question} (LVM2's words, ending {@code [y/n]: }) unless {@code yes}; unanswered,
     * says {@code before} and refuses with {@code refusal}.
     */
    static void ask(VgEditor editor, boolean yes, String question, String refusal, String... before) {
        if (yes) {
            return;
        }
        editor.message("  " + question + (question.endsWith(" ") ? "" : " ") + "[n]");
        for (String line : before) {
            editor.message("  " + line);
        }
        throw new LvstackException(refusal);
    }
}
