package io.lvstack.engine.segtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.SegmentTypeProvider;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards against the classic plugin failure: a services file that the annotation processor did
 * not write, or that names a class ServiceLoader cannot instantiate.
 */
class ServicesFilesTest {
    @Test
    void everyPluginRegistersOneConcretePublicProviderWithANoArgConstructor() throws Exception {
        List<URL> files = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + SegmentTypeProvider.class.getName()));
        List<String> providers = new ArrayList<>();
        for (URL u : files) {
            try (InputStream in = u.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.strip();
                    if (name.isEmpty() || name.startsWith("#")) {
                        continue;
                    }
                    Class<?> c = Class.forName(name);
                    assertTrue(SegmentTypeProvider.class.isAssignableFrom(c), name);
                    assertTrue(Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()), name);
                    c.getConstructor();
                    providers.add(name);
                }
            }
        }
        Collections.sort(providers);
        assertEquals(List.of("io.lvstack.segtype.cache.CacheProvider", "io.lvstack.segtype.linear.LinearProvider",
                "io.lvstack.segtype.mirror.MirrorProvider", "io.lvstack.segtype.raid.RaidProvider",
                "io.lvstack.segtype.snapshot.SnapshotProvider", "io.lvstack.segtype.striped.StripedProvider",
                "io.lvstack.segtype.thin.ThinProvider", "io.lvstack.segtype.virtual.VirtualProvider"), providers);
    }
}
