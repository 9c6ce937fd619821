package io.lvstack.engine.segtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard the engine calls plugin types through: it overrides every SPI method (so a method
 * added to the SPI cannot be forgotten), each runs in PluginCall, it never reaches a plugin,
 * and engine code calls SPI methods on nothing else.
 */
class GuardedSegmentTypeTest {
    /** What engine code may still read from a plugin's own type: its constant declarations. */
    private static final Set<String> DECLARATIONS = Set.of("name", "capabilities", "has", "fallback");

    @Test
    void everySpiMethodIsOverridden() {
        List<String> missing = new ArrayList<>();
        for (Method m : SegmentType.class.getMethods()) {
            try {
                Method own = GuardedSegmentType.class.getMethod(m.getName(), m.getParameterTypes());
                if (own.getDeclaringClass() != GuardedSegmentType.class || own.isBridge()) {
                    missing.add(m.toString());
                }
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        assertEquals(List.of(), missing, "SPI methods GuardedSegmentType does not guard");
    }

    /**
     * Every SPI method of the guard calls the plugin's method of that name, with the plugin's
     * loader as context loader, and turns what it throws into a PluginFailure naming the method.
     */
    @Test
    void everySpiMethodRunsInPluginCall() throws Exception {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            List<String> called = new ArrayList<>();
            InvocationHandler h = (proxy, m, args) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return m.getName().equals("hashCode") ? System.identityHashCode(proxy) : m.invoke(this, args);
                }
                // PluginFailure asks name() again, outside the call, to name the type
                called.add(m.getName() + (Thread.currentThread().getContextClassLoader() == pluginLoader
                        ? " in the plugin's loader" : " in another loader"));
                if (m.getName().equals("name")) {
                    return "boom";
                }
                throw new IllegalStateException("bug in " + m.getName());
            };
            SegmentType plugin = (SegmentType) Proxy.newProxyInstance(pluginLoader, new Class<?>[] {SegmentType.class},
                    h);
            assertSame(pluginLoader, plugin.getClass().getClassLoader());
            GuardedSegmentType guard = GuardedSegmentType.of(plugin);
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            for (Method m : SegmentType.class.getMethods()) {
                Method own = GuardedSegmentType.class.getMethod(m.getName(), m.getParameterTypes());
                called.clear();
                try {
                    Object result = own.invoke(guard, arguments(m));
                    assertEquals("name", m.getName(), "only name() answers");
                    assertEquals("boom", result);
                } catch (InvocationTargetException e) {
                    PluginFailure f = assertInstanceOf(PluginFailure.class, e.getCause(), m.getName());
                    assertTrue(f.getMessage().startsWith("segment type 'boom' (" + plugin.getClass().getName()
                            + ") failed in " + m.getName()), f.getMessage());
                    assertTrue(f.getMessage().endsWith(": java.lang.IllegalStateException: bug in " + m.getName()),
                            f.getMessage());
                }
                assertEquals(m.getName() + " in the plugin's loader", called.get(0),
                        "the guard's " + m.getName() + " calls the plugin's");
                assertSame(before, Thread.currentThread().getContextClassLoader(), "restored after " + m.getName());
            }
        }
    }

    @Test
    void lvstackErrorsAndVmErrorsPassThroughStackOverflowDoesNot() {
        LvstackException own = new LvstackException("the plugin's own words");
        assertSame(own, assertThrows(LvstackException.class,
                () -> GuardedSegmentType.of(throwingAccepts(own)).accepts(section())));
        OutOfMemoryError oom = new OutOfMemoryError("vm");
        assertSame(oom, assertThrows(OutOfMemoryError.class,
                () -> GuardedSegmentType.of(throwingAccepts(oom)).accepts(section())));
        PluginFailure f = assertThrows(PluginFailure.class,
                () -> GuardedSegmentType.of(throwingAccepts(new StackOverflowError("deep"))).accepts(section()));
        assertTrue(f.getMessage().endsWith("failed in accepts of segment1: java.lang.StackOverflowError: deep"),
                f.getMessage());
    }

    @Test
    void theSubjectIsWhatTheArgumentsAre() {
        Engine engine = Lvstack.engine();
        VolumeGroup vg = new MetadataFormat(engine).read(Corpus.DIR.resolve("mirror_disklog.vg")).vg();
        LogicalVolume m = vg.lv("m");
        Segment seg = m.segments().get(0);
        assertEquals("LV " + m.fullName() + " segment 1 (LE 0-" + (seg.len() - 1) + ")", GuardedSegmentType.subject(seg));
        assertEquals(m.fullName(), GuardedSegmentType.subject((LvView) m));
    }

    /** Segments show plugins the plugin's own type; the engine holds the one guard made at registration. */
    @Test
    void theGuardNeverReachesPlugins() {
        Engine engine = Lvstack.engine();
        SegmentTypeRegistry types = engine.segmentTypes();
        VolumeGroup vg = new MetadataFormat(engine).read(Corpus.DIR.resolve("mirror_disklog.vg")).vg();
        int segments = 0;
        for (LogicalVolume lv : vg.lvs()) {
            for (Segment s : lv.segments()) {
                segments++;
                assertFalse(s.type() instanceof GuardedSegmentType, s.describe());
                assertSame(types.byName(s.type().name()), s.type(), s.describe());
                assertSame(s.type(), s.handler().plugin(), s.describe());
                assertSame(types.guard(s.type()), s.handler(), "one guard per type: " + s.describe());
            }
        }
        assertTrue(segments > 3, "segments read: " + segments);
        for (RegisteredType t : types.active()) {
            GuardedSegmentType g = types.guard(t.type());
            assertSame(g, types.guard(t.type()));
            assertSame(g, types.guard(g), "a guard is its own guard");
            assertSame(g, GuardedSegmentType.of(g), "a guard is never wrapped");
            assertFalse(t.type() instanceof GuardedSegmentType, t.name());
        }
        SegmentType unknown = types.unknown("thin-pool");
        assertSame(types.guard(unknown), types.guard(unknown));
    }

    @Test
    void theLinkHookIsGuardedToo() {
        SegmentType mirror = Lvstack.engine().segmentTypes().byName("mirror");
        LinkHook raw = mirror.linkHook().orElseThrow();
        GuardedSegmentType g = Lvstack.engine().segmentTypes().guard(mirror);
        LinkHook guarded = g.linkHook().orElseThrow();
        assertNotSame(raw, guarded);
        assertSame(guarded, g.linkHook().orElseThrow(), "one guard while the type returns one hook");
        assertEquals(Optional.empty(), GuardedSegmentType.of(Lvstack.engine().segmentTypes().plain()).linkHook());
    }

    /**
     * Engine code calls a segment type's behaviour only through its guard: no engine class but the
     * guard invokes an SPI method on {@code SegmentType} (or the engine's own unknown type) other
     * than the constant declarations. A call on a guard compiles to GuardedSegmentType's method,
     * so the class files tell the two apart exactly.
     */
    @Test
    void engineCodeCallsTypesOnlyThroughGuards() throws IOException, URISyntaxException {
        Path classes = Path.of(GuardedSegmentType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> spi = new TreeSet<>();
        for (Method m : SegmentType.class.getMethods()) {
            spi.add(m.getName());
        }
        spi.removeAll(DECLARATIONS);
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("io/lvstack/engine/segtype/GuardedSegmentType")) {
                    continue;
                }
                scanned++;
                for (String[] ref : methodRefs(p)) {
                    boolean onSpi = ref[0].equals("io/lvstack/api/SegmentType")
                            || ref[0].equals("io/lvstack/engine/segtype/UnknownSegmentType");
                    if (onSpi && spi.contains(ref[1])) {
                        found.add(name + " calls " + ref[0] + "." + ref[1]);
                    }
                }
            }
        }
        assertTrue(scanned > 100, "engine classes scanned: " + scanned);
        assertEquals(List.of(), found, "call the guard instead (Segment.handler(), SegmentTypeRegistry.guard)");
    }

    /** {owner, name} of every method reference in a class file's constant pool. */
    private static List<String[]> methodRefs(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            d.readUnsignedShort();
            d.readUnsignedShort();
            int count = d.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            int[][] memberRefs = new int[count][];
            int[][] nameAndTypes = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = d.readUTF();
                    case 3, 4 -> d.readInt();
                    case 5, 6 -> {
                        d.readLong();
                        i++;
                    }
                    case 7 -> classNames[i] = d.readUnsignedShort();
                    case 8, 16, 19, 20 -> d.readUnsignedShort();
                    case 9, 17, 18 -> d.readInt();
                    case 10, 11 -> memberRefs[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
                    case 12 -> nameAndTypes[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
                    case 15 -> {
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                    }
                    default -> throw new IOException("constant tag " + tag + " in " + classFile);
                }
            }
            List<String[]> out = new ArrayList<>();
            for (int[] ref : memberRefs) {
                if (ref != null) {
                    out.add(new String[] {utf8[classNames[ref[0]]], utf8[nameAndTypes[ref[1]][0]]});
                }
            }
            return out;
        }
    }

    /** A type whose accepts throws {@code t}. */
    private static SegmentType throwingAccepts(Throwable t) {
        return new SegmentType() {
            @Override
            public String name() {
                return "thrower";
            }

            @Override
            public Set<SegmentCapability> capabilities() {
                return Set.of();
            }

            @Override
            public boolean accepts(ConfigSection segment) {
                throw GuardedSegmentTypeTest.<RuntimeException>sneaky(t);
            }

            @Override
            public DecodedSegment decode(ConfigSection segment, long extentCount) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void encode(SegmentView segment, SegmentWriter out) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    private static ConfigSection section() {
        return new ConfigSection("segment1", List.of(), 1);
    }

    /** Arguments for {@code m}: a section named segment1, an LV named lv, zeros, nulls. */
    private static Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = 0;
            } else if (t == long.class) {
                args[i] = 0L;
            } else if (t == boolean.class) {
                args[i] = false;
            } else if (t == ConfigSection.class) {
                args[i] = section();
            } else if (t.isEnum()) {
                args[i] = t.getEnumConstants()[0];
            } else if (t == LvView.class) {
                args[i] = Proxy.newProxyInstance(LvView.class.getClassLoader(), new Class<?>[] {LvView.class},
                        (proxy, method, a) -> method.getName().equals("name") ? "lv" : null);
            } else if (!t.isPrimitive()) {
                args[i] = null;
            } else {
                fail("no argument for " + t + " of " + m);
            }
        }
        return args;
    }

    private static <T> T assertInstanceOf(Class<T> type, Throwable t, String what) {
        if (!type.isInstance(t)) {
            throw new AssertionError(what + ": expected " + type.getName() + " but got " + t, t);
        }
        return type.cast(t);
    }
}
