package io.lvstack.engine.picture;

import io.lvstack.api.LvstackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's {@code dot}: {@code dot -Tsvg} or {@code -Tpng}, the DOT on
 * standard input, the image read from standard output. Standard input, output and error are
 * served by three threads at once, so neither side can block the other on a full pipe; a run
 * that outlives the timeout is killed.
 *
 * @param command the program: a path, or a name looked up on PATH (key {@code lvstack.graphviz.dot})
 */
public record Graphviz(String command, Duration timeout) {
    /** The configuration key naming the program. */
    public static final String KEY = io.lvstack.engine.assembly.ConfigKeys.GRAPHVIZ_DOT.key();
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The first lines of dot's complaints are enough to say what went wrong. */
    private static final int MAX_STDERR = 2000;

    /** The image formats dot is asked for. */
    public enum Output {
        SVG("svg"), PNG("png");

        private final String name;

        Output(String name) {
            this.name = name;
        }

        /** The name dot and {@code --format} use. */
        public String formatName() {
            return name;
        }
    }

    public static Graphviz of(String command) {
        return new Graphviz(command == null || command.isBlank() ? "dot" : command, DEFAULT_TIMEOUT);
    }

    /**
     * The image of {@code dot}.
     *
     * @throws LvstackException when the program cannot be started (saying how to get it), fails
     *     (with what it wrote to standard error) or takes longer than the timeout
     */
    public byte[] render(String dot, Output output) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command, "-T" + output.formatName())).start();
        } catch (IOException e) {
            throw new LvstackException(notFound(output));
        }
        byte[] input = dot.getBytes(StandardCharsets.UTF_8);
        // A thread each, not a shared pool: a pool with fewer free threads could deadlock on the pipes.
        Executor ownThread = task -> {
            Thread t = new Thread(task, "graphviz-io");
            t.setDaemon(true);
            t.start();
        };
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), input),
                ownThread);
        CompletableFuture<byte[]> image = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                ownThread);
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                ownThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LvstackException(command + " -T" + output.formatName() + " did not finish within "
                        + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                        + "; --format dot needs no Graphviz");
            }
            byte[] picture = image.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String complaint = stderrText(errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            int code = process.exitValue();
            if (code != 0) {
                throw new LvstackException(command + " -T" + output.formatName() + " failed (exit " + code + ")"
                        + (complaint.isEmpty() ? "" : ": " + complaint));
            }
            // dot stops reading when it fails; a write error then says nothing the exit code does not.
            writing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return picture;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LvstackException("interrupted while " + command + " was running");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new LvstackException("cannot run " + command + " -T" + output.formatName() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    /** The message for a program that is not there, with the way to get it and the way around it. */
    String notFound(Output output) {
        String which = "dot".equals(command) ? "Graphviz's dot, which was not found on PATH"
                : "Graphviz's dot, and \"" + command + "\" (" + KEY + ") was not found";
        return "--format " + output.formatName() + " needs " + which
                + " (Debian: apt-get install graphviz); --format dot needs nothing";
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream s) {
        try (s) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            s.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stderrText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_STDERR ? text.substring(0, MAX_STDERR) + "..." : text;
    }
}
