package io.lvstack.engine.segtype;

import java.util.function.Supplier;

/**
 * Runs a call into plugin code with the thread context class loader set to the plugin's own
 * loader, as libraries inside plugins expect (they look things up through it), and restores it.
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
}
