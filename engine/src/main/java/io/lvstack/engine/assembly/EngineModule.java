package io.lvstack.engine.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.Engine;
import java.util.List;
import org.apache.commons.configuration2.ImmutableConfiguration;

/** Guice wiring of an engine: configuration in, registry and engine out. */
public final class EngineModule extends AbstractModule {
    private final ConfigLayers layers;
    private final ImmutableConfiguration config;
    private final ClassLoader loader;
    private final List<LinkHook> hooks;

    public EngineModule(ConfigLayers layers, ClassLoader loader, List<LinkHook> hooks) {
        this.layers = layers;
        this.config = layers.configuration();
        this.loader = loader;
        this.hooks = List.copyOf(hooks);
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        binder().requireExactBindingAnnotations();
        bind(ImmutableConfiguration.class).toInstance(config);
        bind(ConfigLayers.class).toInstance(layers);
    }

    @Provides
    @Singleton
    SegmentTypeLoader.Result loaded(ConfigLayers configuration) {
        return SegmentTypeLoader.load(configuration, loader);
    }

    @Provides
    @Singleton
    Engine engine(SegmentTypeLoader.Result loaded, ConfigLayers configuration) {
        return new Engine(loaded.registry(), hooks, configuration, loaded.warnings(), loaded.settingDefaults());
    }
}
