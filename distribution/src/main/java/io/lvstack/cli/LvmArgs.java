package io.lvstack.cli;

/** LV and VG arguments of LVM2's commands, read as LVM2's {@code tools/toollib.c} reads them. */
final class LvmArgs {
    private LvmArgs() {
    }

    /** {@code skip_dev_dir}: {@code /dev/vg/lv} names {@code vg/lv}. */
    static String skipDevDir(String arg) {
        return arg.startsWith("/dev/") ? arg.substring(5) : arg;
    }

    /**
     * {@code _extract_vgname}: {@code VG/LV} (slashes may repeat between them) as {@code {VG, LV}};
     * a path with slashes anywhere else is refused.
     */
    static String[] split(String arg) {
        String path = skipDevDir(arg);
        int slash = path.indexOf('/');
        int lv = slash;
        while (lv >= 0 && lv < path.length() && path.charAt(lv) == '/') {
            lv++;
        }
        if (slash < 0 || path.indexOf('/', lv) >= 0) {
            throw new CommandLineRefusal("\"" + arg + "\": Invalid path for Logical Volume.");
        }
        return new String[] {path.substring(0, slash), path.substring(lv)};
    }

    /** LVM2's {@code yes_no_arg}: {@code y}/{@code yes} or {@code n}/{@code no}. */
    static boolean yesNo(String text, String option) {
        return switch (text) {
            case "y", "yes" -> true;
            case "n", "no" -> false;
            default -> throw new CommandLineRefusal("Invalid argument for " + option + ": " + text);
        };
    }
}
