package io.lvstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real LVM2 as the judge of metadata an operation wrote. Every result handed to {@link #check}
 * is kept under {@code target/lvm2-candidates/} (so it can be given to {@code lvm2-oracle} by
 * hand); with the Maven profile {@code -Plvm2} (system property {@code lvm2.oracle}
 * naming {@code ../shared/tools/lvm2-oracle}) it is also restored with real LVM2, which must
 * accept it and write it back exactly as lvstack did, apart from what a restore changes: the
 * header lines above the VG section, the seqno (one higher) and the device hints (LVM2's new
 * loop devices).
 */
public final class Lvm2Acceptance {
    /** Where results are kept, relative to the module Surefire runs in. */
    public static final Path CANDIDATES = Path.of("target/lvm2-candidates");
    /** Outside {@code lvstack.*}, which the tool reads from system properties as its own configuration. */
    private static final String ORACLE = "lvm2.oracle";
    private static final Pattern SEQNO = Pattern.compile("(?m)^(\\s*seqno = )(\\d+)$");
    private static final Pattern DEVICE = Pattern.compile("(?m)^(\\s*device = )\"[^\"]*\"");

    private Lvm2Acceptance() {
    }

    /** Whether real LVM2 is asked (the {@code lvm2} profile is on). */
    public static boolean enabled() {
        return System.getProperty(ORACLE) != null;
    }

    /**
     * Keeps {@code text} as {@code NAME.vg}; under {@code -Plvm2}, asserts that LVM2 accepts it
     * and re-exports the same metadata.
     */
    public static void check(String name, String text) {
        Path out = restore(name, text);
        if (out == null) {
            return;
        }
        try {
            String verdict = Files.readString(out.resolve("verdict"));
            if (!verdict.startsWith("exit=0\n")) {
                fail("LVM2 refused " + name + ":\n" + verdict);
            }
            assertEquals(normalize(text, 1), normalize(Files.readString(out.resolve("canonical.vg")), 0),
                    "LVM2's re-export of " + name + " differs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps {@code text} as {@code NAME.vg}; under {@code -Plvm2}, LVM2's verdict on it
     * ({@code exit=N} and its messages), otherwise null. For results that LVM2 must accept
     * but may write back in another order (a VG holding types lvstack keeps as text).
     */
    public static String verdict(String name, String text) {
        Path out = restore(name, text);
        try {
            return out == null ? null : Files.readString(out.resolve("verdict"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the candidate; under {@code -Plvm2} restores it with LVM2 and returns the oracle's directory. */
    private static Path restore(String name, String text) {
        Path file = CANDIDATES.resolve(name.replaceAll("\\.vg$", "").replaceAll("[^A-Za-z0-9_.-]", "_") + ".vg");
        try {
            Files.createDirectories(CANDIDATES);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (!enabled()) {
                return null;
            }
            // LVM2's verdict and re-export next to the candidate, under target/, not in /tmp
            Path out = file.resolveSibling(file.getFileName().toString().replaceAll("\\.vg$", "") + ".lvm2");
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("verdict"));
            Files.deleteIfExists(out.resolve("canonical.vg"));
            Process p = new ProcessBuilder(System.getProperty(ORACLE), file.toAbsolutePath().toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("lvm2-oracle did not finish in 120 s on " + file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The VG section onwards, seqno raised by {@code seqnoDelta}, device hints blanked. */
    static String normalize(String text, int seqnoDelta) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int start = 0;
        while (start < lines.size() && !lines.get(start).endsWith("{")) {
            start++;
        }
        String body = String.join("\n", lines.subList(start, lines.size()));
        Matcher m = SEQNO.matcher(body);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group(1) + (Long.parseLong(m.group(2)) + seqnoDelta));
        }
        m.appendTail(b);
        return DEVICE.matcher(b).replaceAll("$1\"?\"");
    }
}
