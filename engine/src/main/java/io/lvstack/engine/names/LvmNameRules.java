package io.lvstack.engine.names;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * LVM2's rules for VG and LV names, in LVM2 2.03.16's words: {@code validate_name} and
 * {@code apply_lvname_restrictions} ({@code lib/misc/lvm-string.c}), the checks of a new LV name
 * on the command line ({@code validate_restricted_lvname_param} in {@code tools/toollib.c},
 * {@code lvrename} in {@code tools/lvrename.c}) and the length of {@code VG-LV} that
 * {@code vg_validate} checks at every metadata write. The checker, the operations and the command
 * line all ask here, so the rules live in one place.
 */
public final class LvmNameRules {
    /** LVM2's {@code NAME_LEN}: room for 127 characters and the terminating NUL. */
    public static final int NAME_LEN = 128;

    /** The prefix LVM2 gives messages of {@code vg_validate}, which the operations repeat. */
    public static final String INTERNAL_ERROR = "Internal error: ";

    // LVM2's names for its own LVs (_lvname_has_reserved_prefix, _lvname_has_reserved_component_string,
    // then _lvname_has_reserved_string), in LVM2's order, which decides the word a message names.
    // This is LVM2's naming rule, not knowledge of segment types: LVM2 refuses these names from
    // users whichever segment types are loaded (a tool without raid must still refuse foo_rimage_1).
    private static final List<String> RESERVED_PREFIXES = List.of("pvmove", "snapshot");
    private static final List<String> RESERVED_STRINGS = List.of("_cdata", "_cmeta", "_corig", "_cpool", "_cvol",
            "_wcorig", "_mimage", "_mlog", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_imeta", "_iorig",
            "_pmspare", "_vorigin");

    /** Why {@code validate_name} refuses a name ({@code name_error_t}), worded as {@code display_name_error}. */
    public enum NameError {
        EMPTY("Name is zero length."),
        HYPHEN("Name cannot start with hyphen."),
        DOTS("Name starts with . or .. and has no following character(s)."),
        CHARSET("Name contains invalid character, valid set includes: [a-zA-Z0-9.-_+]."),
        LENGTH("Name length exceeds maximum limit of " + (NAME_LEN - 1) + ".");

        private final String message;

        NameError(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private LvmNameRules() {
    }

    /**
     * {@code validate_name}: null for a valid VG or LV name, else the first rule it breaks, in
     * LVM2's order. The hyphen is refused because device-mapper names join VG and LV with one.
     */
    public static NameError validate(String name) {
        if (name.isEmpty()) {
            return NameError.EMPTY;
        }
        if (name.charAt(0) == '-') {
            return NameError.HYPHEN;
        }
        if (name.equals(".") || name.equals("..")) {
            return NameError.DOTS;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_'
                    || c == '+' || c == '-')) {
                return NameError.CHARSET;
            }
        }
        // Only ASCII is left here, one byte a character.
        return name.length() >= NAME_LEN ? NameError.LENGTH : null;
    }

    public static boolean isValid(String name) {
        return validate(name) == null;
    }

    /**
     * {@code apply_lvname_restrictions}: LVM2's refusal of a name it keeps for its own LVs, or null.
     * LVM2 applies it to names users give, never to LVs it reads: it writes such names itself.
     */
    public static String restriction(String lvName) {
        for (String prefix : RESERVED_PREFIXES) {
            if (lvName.startsWith(prefix)) {
                return "Names starting \"" + prefix + "\" are reserved. Please choose a different LV name.";
            }
        }
        for (String s : RESERVED_STRINGS) {
            if (lvName.contains(s)) {
                return "Names including \"" + s + "\" are reserved. Please choose a different LV name.";
            }
        }
        return null;
    }

    /**
     * {@code vg_validate}'s length rule: the device-mapper name {@code VG-LV} (with the NUL) must
     * stay under {@link #NAME_LEN} bytes. Null when it does, else LVM2's message (without
     * {@link #INTERNAL_ERROR}).
     */
    public static String lengthProblem(String vgName, String lvName) {
        long length = utf8Length(lvName) + utf8Length(vgName) + 3;
        if (length < NAME_LEN) {
            return null;
        }
        return "LV name \"" + vgName + "/" + lvName + "\" length " + length + " is not supported.";
    }

    /**
     * {@code validate_restricted_lvname_param}, as {@code lvcreate -n} and {@code lvconvert -n}
     * check the name of an LV they make: valid, then not reserved.
     *
     * @throws NameRefusal with LVM2's message and its status for a bad command line
     */
    public static void requireNewLvNameParam(String lvName) {
        if (!isValid(lvName)) {
            throw NameRefusal.commandLine("Logical volume name \"" + lvName + "\" is invalid.");
        }
        String reserved = restriction(lvName);
        if (reserved != null) {
            throw NameRefusal.commandLine(reserved);
        }
    }

    /**
     * {@code validate_new_vg_name}, as vgcreate checks the name of a VG it makes (LVM2 prints the
     * reason on a line of its own before the refusal).
     *
     * @throws NameRefusal with LVM2's message and its status for a bad command line
     */
    public static void requireNewVgName(String vgName) {
        NameError bad = validate(vgName);
        if (bad != null) {
            throw NameRefusal.commandLine("New volume group name \"" + vgName + "\" is invalid. " + bad.message());
        }
    }

    /**
     * {@code lvrename}'s checks of the new name, in its order: the room {@code VG-LV} leaves, not
     * blank, not reserved, valid, and not the old name.
     *
     * @throws NameRefusal with LVM2's message and its status for a bad command line
     */
    public static void requireRenameParams(String vgName, String oldName, String newName) {
        long room = NAME_LEN - utf8Length(vgName) - 3;
        // LVM2's room is a size_t: for VG names over 125 characters it wraps round and limits nothing.
        if (room >= 0 && utf8Length(newName) > room) {
            throw NameRefusal.commandLine("New logical volume name \"" + newName + "\" may not exceed " + room
                    + " characters.");
        }
        if (newName.isEmpty()) {
            throw NameRefusal.commandLine("New logical volume name may not be blank");
        }
        String reserved = restriction(newName);
        if (reserved != null) {
            throw NameRefusal.commandLine(reserved);
        }
        if (!isValid(newName)) {
            throw NameRefusal.commandLine("New logical volume name \"" + newName + "\" is invalid");
        }
        if (oldName.equals(newName)) {
            throw NameRefusal.commandLine("Old and new logical volume names must differ");
        }
    }

    /**
     * {@code vg_validate}'s length rule at a metadata write.
     *
     * @throws NameRefusal with LVM2's message and its status for a failed command
     */
    public static void requireFits(String vgName, String lvName) {
        String problem = lengthProblem(vgName, lvName);
        if (problem != null) {
            throw NameRefusal.failed(INTERNAL_ERROR + problem);
        }
    }

    /** LVM2 measures names with {@code strlen}: bytes, which are characters for every valid name. */
    private static long utf8Length(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                n = s.getBytes(StandardCharsets.UTF_8).length;
                break;
            }
        }
        return n;
    }
}
