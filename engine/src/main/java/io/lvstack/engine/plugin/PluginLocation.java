package io.lvstack.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the files of a plugin are safe to load, as sshd and sudo judge their files:
 * the plugin directory, a plugin's own subdirectory and each jar must be writable by their owner
 * only, and owned by the user running lvstack or by root; otherwise anyone else who can change
 * them runs code as that user. Symbolic links inside a plugin directory are never followed, so a
 * plugin is made only of files that really are in the directory that was checked.
 */
final class PluginLocation {
    static final String ALLOW_KEY = "lvstack.plugins.allowInsecure";

    private final boolean allowInsecure;
    private final String user;

    /**
     * @param allowInsecure accept writable or foreign-owned locations, with a warning
     * @param user          the name of the user running lvstack
     */
    PluginLocation(boolean allowInsecure, String user) {
        this.allowInsecure = allowInsecure;
        this.user = user;
    }

    /**
     * Checks the plugin directory holding {@code plugin}, the plugin itself and its jars.
     *
     * @return warnings about insecure locations accepted because {@link #ALLOW_KEY} is set
     * @throws PluginException of kind UNSAFE for a link, or for an insecure location when not allowed
     */
    List<String> check(Path plugin, List<Path> jars) {
        refuseLink(plugin, plugin);
        for (Path jar : jars) {
            refuseLink(plugin, jar);
        }
        List<Path> places = new ArrayList<>();
        places.add(directoryOf(plugin));
        places.add(plugin);
        if (Files.isDirectory(plugin)) {
            places.addAll(jars);
        }
        List<String> warnings = new ArrayList<>();
        for (Path p : places) {
            Problem problem = problemOf(plugin, p);
            if (problem == null) {
                continue;
            }
            if (!allowInsecure) {
                throw new PluginException(PluginException.Kind.UNSAFE, plugin, problem.detail(), problem.fix()
                        + ", or set " + ALLOW_KEY + " = true");
            }
            warnings.add("plugin " + plugin + ": " + PluginException.Kind.UNSAFE.label() + " accepted because "
                    + ALLOW_KEY + " = true: " + problem.detail());
        }
        return warnings;
    }

    /** What is wrong with a location, and the usual fix. */
    private record Problem(String detail, String fix) {
    }

    /** Links are not followed: a jar or plugin directory elsewhere escapes the check of this one. */
    static void refuseLink(Path plugin, Path p) {
        if (Files.isSymbolicLink(p)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(p));
            } catch (IOException e) {
                target = "(unreadable)";
            }
            throw new PluginException(PluginException.Kind.UNSAFE, plugin, p + " is a symbolic link to " + target
                    + "; links in plugin directories are not followed", "copy the plugin in instead");
        }
    }

    /** What makes {@code p} unsafe, or null when nothing does. */
    private Problem problemOf(Path plugin, Path p) {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(p, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            // No mode bits to judge: refusing is the safe side.
            return new Problem(what(plugin, p) + " has no POSIX permissions to check ("
                    + p.getFileSystem().provider().getScheme() + " file system)",
                    "move the plugins to a file system that has them");
        } catch (IOException e) {
            throw new PluginException(PluginException.Kind.UNREADABLE_JAR, plugin, p + ": " + e.getMessage(),
                    "check its permissions");
        }
        Set<PosixFilePermission> perms = a.permissions();
        boolean group = perms.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            return new Problem(what(plugin, p) + " is writable by " + (group && others ? "group and others"
                    : group ? "group" : "others") + " (mode " + PosixFilePermissions.toString(perms) + ")",
                    "chmod go-w it");
        }
        String owner = a.owner().getName();
        if (!owner.equals(user) && !owner.equals("root")) {
            return new Problem(what(plugin, p) + " is owned by " + owner + ", not by " + user + " or root",
                    "chown it to " + user + " or root");
        }
        return null;
    }

    private static String what(Path plugin, Path p) {
        return !p.equals(plugin) && p.equals(directoryOf(plugin)) ? "plugin directory " + p : p.toString();
    }

    /** The plugin directory {@code plugin} was found in (the configured one, whose own links are followed). */
    private static Path directoryOf(Path plugin) {
        Path parent = plugin.getParent();
        return parent != null ? parent : plugin.toAbsolutePath().getParent();
    }
}
