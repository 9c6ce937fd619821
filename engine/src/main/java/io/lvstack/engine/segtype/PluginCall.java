package io.lvstack.engine.segtype;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import java.util.function.Supplier;

/**
 * Runs a call into plugin code with the thread context class loader set to the plugin's own
 * loader, as libraries inside plugins expect (they look things up through it), and restores it.
 * {@link #call} also turns a plugin's bug into a {@link PluginFailure} naming the plugin. The
 * engine calls segment types through {@link GuardedSegmentType}, which is built on this.
 */
public final class PluginCall {
    private PluginCall() {
    }

    public static <T> T of(Object pluginObject, Supplier<T> call) {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        ClassLoader own = pluginObject.getClass().getClassLoader();
        if (own == saved || own == null) {
            return call.get();
        }
        t.setContextClassLoader(own);
        try {
            return call.get();
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    public static void run(Object pluginObject, Runnable call) {
        of(pluginObject, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Calls {@code type}'s SPI method {@code method} (on {@code subject}, "" for none). lvstack's
     * own error passes through as the plugin wrote it; anything else the plugin throws (a
     * runtime exception, a checked exception thrown sneakily, a linkage error, a stack overflow)
     * becomes a {@link PluginFailure}. Other virtual-machine errors pass through: the JVM, not
     * the plugin, is in trouble. Either way an enclosing graph change rolls back.
     */
    public static <T> T call(SegmentType type, String method, String subject, Supplier<T> call) {
        try {
            return of(type, call);
        } catch (Throwable e) {
            throw failure(type, method, subject, e);
        }
    }

    /**
     * {@link #call(SegmentType, String, String, Supplier)} with the subject made only when the
     * call fails: a segment's description counts its segments.
     */
    public static <T> T call(SegmentType type, String method, Supplier<String> subject, Supplier<T> call) {
        try {
            return of(type, call);
        } catch (Throwable e) {
            throw failure(type, method, subject.get(), e);
        }
    }

    public static void run(SegmentType type, String method, String subject, Runnable call) {
        call(type, method, subject, () -> {
            call.run();
            return null;
        });
    }

    /** What to throw for {@code e} from plugin code; rethrows what must not be wrapped. */
    public static RuntimeException failure(SegmentType type, String method, String subject, Throwable e) {
        if (e instanceof LvstackException le) {
            return le;
        }
        if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
            throw vme;
        }
        return new PluginFailure(type, method, subject, e);
    }
}
