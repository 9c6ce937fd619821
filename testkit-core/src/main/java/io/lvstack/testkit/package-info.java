/**
 * The plugin test kit's engine-free part: everything needed to unit-test a segment type against
 * the SPI alone.
 *
 * <ul>
 * <li>Views: {@link io.lvstack.testkit.FakeLv}, {@link io.lvstack.testkit.FakeSegment} and
 *     {@link io.lvstack.testkit.FakePv}, whose areas and references keep the used LVs' users as
 *     the engine's links do; {@link io.lvstack.testkit.FakeTargetContext} for
 *     {@code targetLine}; {@link io.lvstack.testkit.FakePluginSettings} for providers.</li>
 * <li>Recorders of what a type gives back: {@link io.lvstack.testkit.RecordingSegmentWriter}
 *     ({@code encode}), {@link io.lvstack.testkit.RecordingProblemSink} ({@code validate}),
 *     {@link io.lvstack.testkit.RecordingLvTraits} ({@code describe}) and
 *     {@link io.lvstack.testkit.RecordingMarkEditor} (link hooks).</li>
 * <li>{@link io.lvstack.testkit.ConfigSectionBuilder}: sections for {@code decode}, with line
 *     numbers.</li>
 * <li>{@link io.lvstack.testkit.SegmentTypeContract}: the rules every type and provider keeps, in
 *     one call each.</li>
 * </ul>
 *
 * The artifact {@code lvstack-testkit} adds a real engine around the plugin under test
 * ({@code io.lvstack.testkit.harness}).
 */
package io.lvstack.testkit;
