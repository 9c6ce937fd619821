package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.SpiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderContractTest {
    /** The contract's complaints about {@code provider}, one a line. */
    private static List<String> violations(ToyProvider provider) {
        AssertionError e = assertThrows(AssertionError.class, () -> SegmentTypeContract.checkProvider(provider));
        List<String> lines = new ArrayList<>(e.getMessage().lines().toList());
        assertEquals("segment-type provider " + provider.getClass().getName() + " breaks the contract:", lines.remove(0));
        return lines.stream().map(l -> l.substring("  - ".length())).toList();
    }

    @Test
    void aRegisteredAndDescribedProviderPasses() {
        SegmentTypeContract.checkProvider(new ToyProvider());
    }

    @Test
    void theDescriptorMustNameTheSamePlugin() {
        ToyProvider p = new ToyProvider();
        p.name = "other";
        p.version = "2.0";
        assertEquals(List.of("META-INF/lvstack-plugin.properties says name=toy, the provider other",
                "META-INF/lvstack-plugin.properties says version=1.0, the provider 2.0"), violations(p));
    }

    @Test
    void aFutureSpiIsRefused() {
        ToyProvider p = new ToyProvider();
        p.spi = SpiVersion.of(SpiVersion.MAJOR + 1, 0);
        assertEquals(List.of("spiVersion " + p.spi + " cannot be loaded by the SPI on the class path, "
                + SpiVersion.CURRENT, "META-INF/lvstack-plugin.properties says spi.version=" + SpiVersion.CURRENT
                        + ", the provider " + p.spi), violations(p));
    }

    @Test
    void namesMustBeWords() {
        ToyProvider p = new ToyProvider();
        p.name = "my plugin";
        p.version = " ";
        assertEquals("pluginName 'my plugin' is blank or holds a space", violations(p).get(0));
        assertEquals("pluginVersion is blank", violations(p).get(1));
    }

    @Test
    void itMustGiveTypesWithDistinctNames() {
        ToyProvider none = new ToyProvider();
        none.types = List.of();
        assertEquals(List.of("segmentTypes gives []: no type, or a null one"), violations(none));
        ToyProvider twice = new ToyProvider();
        twice.types = List.of(new ToyType(), new ToyType());
        assertEquals(List.of("segmentTypes gives two primary types named 'toy' (the engine refuses them)"),
                violations(twice));
    }

    @Test
    void itsDefaultsMustBeSettingsItReads() {
        ToyProvider p = new ToyProvider();
        p.defaults = Map.of("region_size", "lots");
        assertEquals(List.of("segmentTypes with the settings at their defaults {region_size=lots} throws "
                + "io.lvstack.api.LvstackException: setting 'region_size' = 'lots' is not a whole number"), violations(p));
    }

    /** Not listed in META-INF/services. */
    static final class Unregistered extends ToyProvider {
    }

    @Test
    void itMustBeRegisteredForServiceLoader() {
        assertEquals(List.of("it is not registered in META-INF/services/io.lvstack.api.SegmentTypeProvider (annotate "
                + "it with @AutoService(SegmentTypeProvider.class))"), violations(new Unregistered()));
    }
}
