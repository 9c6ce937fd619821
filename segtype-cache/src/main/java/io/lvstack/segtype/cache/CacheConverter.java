package io.lvstack.segtype.cache;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.BadCommandLine;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.VgEditor;
import java.util.Optional;

/**
 * lvconvert of caches, writecaches and cache pools, chosen as LVM2's command definitions choose
 * ({@code tools/command-lines.in}): {@code --type cache --cachepool} (or {@code --cachepool}
 * alone), {@code --type cache --cachevol}, {@code --type writecache --cachevol}, {@code --splitcache}
 * of a cache, writecache or cache pool, {@code --uncache} of a cache or writecache. An LV of
 * another type is refused as LVM2 refuses it.
 */
final class CacheConverter implements LvConverter {
    @Override
    public Optional<String> convert(LvView lv, ConvertRequest request, VgEditor editor) {
        ConvertRequest.CacheOptions o = request.cacheOptions();
        if (o.splitCache() && o.uncache()) {
            throw new BadCommandLine("Incompatible options selected.");
        }
        if (o.splitCache() || o.uncache()) {
            if (request.type() != null || o.cachePool() != null || o.cacheVol() != null) {
                throw new BadCommandLine("Incompatible options selected.");
            }
            String kind = lvType(lv);
            boolean accepted = o.uncache() ? kind.equals("cache") || kind.equals("writecache")
                    : kind.equals("cache") || kind.equals("writecache") || kind.equals("cachepool");
            if (!accepted) {
                throw notPermitted(lv, kind, editor);
            }
            return Optional.of(CacheDetach.split(lv, o, editor));
        }
        if (request.type() == null && o.cacheVol() != null) {
            throw noMatchingCommand(); // LVM2 2.03.16 takes --cachevol with --type only
        }
        String type = request.type() != null ? request.type() : o.cachePool() != null ? CacheSegmentType.NAME : null;
        if (type == null) {
            return Optional.empty(); // nothing asked of a cache: LVM2 polls, and says nothing offline
        }
        if (o.cachePool() != null && o.cacheVol() != null) {
            throw new BadCommandLine("Incompatible options selected.");
        }
        String kind = lvType(lv);
        if (!lv.segments().isEmpty() && !lv.segments().get(0).type().has(SegmentCapability.PLAIN)) {
            throw notPermitted(lv, kind, editor);
        }
        if (type.equals(WritecacheSegmentType.NAME)) {
            if (o.cacheVol() == null) {
                throw noMatchingCommand();
            }
            requireType(editor, WritecacheSegmentType.class);
            return Optional.of(WritecacheAttach.attach(lv, o, editor));
        }
        if (!type.equals(CacheSegmentType.NAME)) {
            throw noMatchingCommand();
        }
        requireType(editor, CacheSegmentType.class);
        if (o.cachePool() != null) {
            return Optional.of(CacheAttach.pool(lv, o, editor));
        }
        if (o.cacheVol() != null) {
            return Optional.of(CacheAttach.cachevol(lv, o, editor));
        }
        throw noMatchingCommand();
    }

    /** The converter of one cache type makes segments of another only through that type's converter. */
    private static void requireType(VgEditor editor, Class<?> kind) {
        if (!kind.isInstance(editor.type())) {
            throw new LvstackException("Operation not permitted: the " + editor.type().name() + " type does not make "
                    + kind.getSimpleName() + " segments.");
        }
    }

    /** LVM2's LV type name of {@code lv} ({@code get_lvt_enum}), as its command definitions name them. */
    static String lvType(LvView lv) {
        if (lv.segments().isEmpty()) {
            return "unknown";
        }
        SegmentView s = lv.segments().get(0);
        if (s.type() instanceof CachePoolSegmentType) {
            return "cachepool";
        }
        if (s.type() instanceof CacheSegmentType || s.type() instanceof WritecacheSegmentType) {
            return s.type().name();
        }
        return s.type().has(SegmentCapability.PLAIN) ? s.type().displayName(s) : s.type().name().replace("-", "");
    }

    /** LVM2's refusal of an LV of a type the command does not take: a warning, then the error. */
    private static LvstackException notPermitted(LvView lv, String kind, VgEditor editor) {
        editor.message("  Command on LV " + CacheAttach.full(editor, lv) + " does not accept LV type " + kind + ".");
        return new LvstackException("Command not permitted on LV " + CacheAttach.full(editor, lv) + ".");
    }

    private static BadCommandLine noMatchingCommand() {
        return new BadCommandLine("No command with matching syntax recognised.  Run 'lvconvert --help' for more"
                + " information.");
    }
}
