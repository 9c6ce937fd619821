package io.lvstack.testkit;

import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.text.ConfigSection;

/**
 * The rules every segment type and provider must keep, checked in one call each. Both throw one
 * {@link AssertionError} listing every rule broken, so a test framework reports it as a failure.
 *
 * <p>{@link #check} takes a sample: a whole segment section as LVM2 writes a valid segment of the
 * type ({@code start_extent}, {@code extent_count}, {@code type}, the type's own fields and areas),
 * built with {@link ConfigSectionBuilder} or parsed from text by the harness of
 * {@code lvstack-testkit}. It builds the stack the engine would build (see the fakes: areas named
 * {@code pvN} are PVs, other names LVs) and checks that
 * <ul>
 * <li>the name is a word metadata can hold; the capabilities do not claim both
 *     {@code AREAS_STRIPED} and {@code AREAS_MIRRORED}, nor {@code UNKNOWN}; no role is declared
 *     twice;</li>
 * <li>{@code accepts} and {@code decode} take the sample, and every role decode names is declared;
 *     the areas it declares are in the section;</li>
 * <li>{@code decode} of what {@code encode} wrote gives equal fields ({@code TypeFields} must
 *     implement {@code equals}), the same areas and references, and encodes to the same lines
 *     again;</li>
 * <li>{@code validate} finds no error in the sample; {@code displayName}, {@code stripeSize},
 *     {@code regionSize}, {@code splitFields} (with {@code CAN_SPLIT}), {@code targetLine} and
 *     {@code describe} of the segment's LV and of every LV it uses answer without throwing, with
 *     sane values;</li>
 * <li>the link hook, told of every reference in the engine's order and then of their release,
 *     never throws, and leaves no mark behind once nothing is referenced.</li>
 * </ul>
 * A sample that is not a segment of the type (no {@code extent_count}, another {@code type}) is
 * an {@link IllegalArgumentException} or a {@link io.lvstack.api.MetadataException}: the test is
 * wrong, not the type.
 */
public final class SegmentTypeContract {
    private SegmentTypeContract() {
    }

    /**
     * Checks {@code type} with {@code sample}, a valid segment section of it.
     *
     * @throws AssertionError listing every rule the type breaks
     */
    public static void check(SegmentType type, ConfigSection sample) {
        new TypeContract(type, sample).run();
    }

    /**
     * Checks what the host relies on before and while loading {@code provider}: its SPI version
     * is loadable by the api on the class path; its name and version are words; it gives at least
     * one type, without settings and with every setting at its declared default, and no two of
     * one name and rank; it is registered for {@link java.util.ServiceLoader}; and the
     * {@code META-INF/lvstack-plugin.properties} of its own jar or class directory names the
     * same plugin, version and SPI version.
     *
     * @throws AssertionError listing every rule the provider breaks
     */
    public static void checkProvider(SegmentTypeProvider provider) {
        new ProviderContract(provider).run();
    }
}
