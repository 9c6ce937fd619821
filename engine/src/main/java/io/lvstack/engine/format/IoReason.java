package io.lvstack.engine.format;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason an I/O operation failed, in the operating system's words ("No space left on device"),
 * without the path Java puts in front: the caller's message names the file the user gave.
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            // Java leaves the reason out for the errors it has a class for: say what errno says.
            if (fs instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (fs instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (fs instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            if (fs instanceof NotDirectoryException) {
                return "Not a directory";
            }
            if (fs instanceof DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            return fs.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
