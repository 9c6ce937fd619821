package io.lvstack.engine.segtype.faults;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A built-in segment type with a bug on demand: it delegates every SPI call to the real type,
 * but once armed throws from one chosen call on its Nth invocation. Unarmed calls are not
 * counted, so tests may export and dump the graph between faults.
 */
public final class FaultySegmentType implements SegmentType {
    /** The SPI calls that can fail; {@code method} is how the engine names the call. */
    public enum Call {
        ACCEPTS("accepts"), DECODE("decode"), ENCODE("encode"), VALIDATE("validate"), CAN_MERGE("canMerge"),
        SPLIT_FIELDS("splitFields"), REFERENCE_ROLES("referenceRoles"), LINK_HOOK("linkHook"),
        HOOK_EVENT("link hook"), DISPLAY_NAME("displayName"), STRIPE_SIZE("stripeSize"),
        REGION_SIZE("regionSize"), TARGET_LINE("targetLine"), DESCRIBE("describe"),
        NEW_SEGMENT("newSegment");

        public final String method;

        Call(String method) {
            this.method = method;
        }
    }

    /** What the plugin throws: an unchecked exception, an error, or a checked exception thrown sneakily. */
    public enum Kind {
        RUNTIME("java.lang.IllegalStateException"), ERROR("java.lang.StackOverflowError"),
        CHECKED("java.io.IOException");

        public final String className;

        Kind(String className) {
            this.className = className;
        }
    }

    private final SegmentType real;
    private Call armed;
    private Kind kind = Kind.RUNTIME;
    private int failAt;
    private int seen;
    private boolean targetless;

    public FaultySegmentType(SegmentType real) {
        this.real = real;
    }

    /** Fails the {@code n}th {@code call} from now with a throwable of {@code kind}. */
    public void arm(Call call, int n, Kind kind) {
        this.armed = call;
        this.failAt = n;
        this.kind = kind;
        this.seen = 0;
    }

    public void disarm() {
        armed = null;
    }

    /** Makes the type one without a device-mapper target (or back). */
    public void targetless(boolean on) {
        targetless = on;
    }

    /** How many calls of the armed kind were made since arming. */
    public int seen() {
        return seen;
    }

    /** The detail message of the throwable injected at call {@code n}. */
    public static String detail(Call call, int n) {
        return "injected fault at " + call.method + " call " + n;
    }

    private void tick(Call call) {
        if (call != armed || ++seen != failAt) {
            return;
        }
        String message = detail(call, failAt);
        switch (kind) {
            case RUNTIME -> throw new IllegalStateException(message);
            case ERROR -> throw new StackOverflowError(message);
            case CHECKED -> throw FaultySegmentType.<RuntimeException>sneaky(new IOException(message));
            default -> throw new AssertionError(kind);
        }
    }

    /** Throws a checked exception past the compiler, as plugin code in another JVM language might. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return real.capabilities();
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        tick(Call.REFERENCE_ROLES);
        return real.referenceRoles();
    }

    @Override
    public boolean fallback() {
        return real.fallback();
    }

    @Override
    public boolean accepts(ConfigSection segment) {
        tick(Call.ACCEPTS);
        return real.accepts(segment);
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        tick(Call.DECODE);
        return real.decode(segment, extentCount);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        tick(Call.ENCODE);
        real.encode(segment, out);
    }

    @Override
    public String displayName(SegmentView segment) {
        tick(Call.DISPLAY_NAME);
        return real.displayName(segment);
    }

    @Override
    public long stripeSize(SegmentView segment) {
        tick(Call.STRIPE_SIZE);
        return real.stripeSize(segment);
    }

    @Override
    public long regionSize(SegmentView segment) {
        tick(Call.REGION_SIZE);
        return real.regionSize(segment);
    }

    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        tick(Call.NEW_SEGMENT);
        return real.newSegment(areaCount, options);
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        tick(Call.DESCRIBE);
        real.describe(lv, traits);
    }

    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        tick(Call.VALIDATE);
        real.validate(segment, problems);
    }

    @Override
    public boolean canMerge(SegmentView first, SegmentView second) {
        tick(Call.CAN_MERGE);
        return real.canMerge(first, second);
    }

    @Override
    public List<TypeFields> splitFields(SegmentView segment, long offset) {
        tick(Call.SPLIT_FIELDS);
        return real.splitFields(segment, offset);
    }

    /** The real type's creator: it makes its segments of the registered type, this one. */
    @Override
    public Optional<LvCreator> creator() {
        return real.creator();
    }

    /** The real type's converter: it makes its segments of the registered type, this one. */
    @Override
    public Optional<LvConverter> converter() {
        return real.converter();
    }

    @Override
    public Optional<LinkHook> linkHook() {
        tick(Call.LINK_HOOK);
        return real.linkHook().map(this::faulty);
    }

    private LinkHook faulty(LinkHook hook) {
        return new LinkHook() {
            @Override
            public void linked(LinkEvent event, MarkEditor status) {
                tick(Call.HOOK_EVENT);
                hook.linked(event, status);
            }

            @Override
            public void unlinked(LinkEvent event, MarkEditor status) {
                tick(Call.HOOK_EVENT);
                hook.unlinked(event, status);
            }
        };
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        tick(Call.TARGET_LINE);
        if (targetless) {
            return Optional.empty();
        }
        return real.targetLine(segment, context);
    }
}
