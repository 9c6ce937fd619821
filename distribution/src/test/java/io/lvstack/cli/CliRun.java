package io.lvstack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the tool, with what it wrote. */
record CliRun(int exitCode, String out, String err) {
    /** Set by the {@code lvm2} Maven profile for {@code Lvm2Acceptance}; not a key of the tool's. */
    private static final String ORACLE = "lvstack.lvm2.oracle";

    /**
     * Runs the tool with {@link #ORACLE} hidden: the tool reads {@code lvstack.*} system
     * properties as its configuration and refuses unknown keys.
     */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String oracle = System.clearProperty(ORACLE);
        try {
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            if (oracle != null) {
                System.setProperty(ORACLE, oracle);
            }
        }
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
