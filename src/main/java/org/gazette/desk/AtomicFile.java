package org.gazette.desk;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How the desk writes a file: into a temporary file beside it (a name Gazette's loader and watcher
 * ignore), then a rename, so the file on disk is never half-written; a new file is never put over
 * one that appeared meanwhile.
 */
final class AtomicFile {

    private AtomicFile() {}

    /** Writes {@code bytes} as {@code target}; with {@code replace} false, fails with FileAlreadyExistsException rather than replace a file. */
    static void write(Path target, byte[] bytes, boolean replace) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".desk-", ".tmp");
        try {
            Files.write(tmp, bytes);
            if (!replace) {
                try {
                    Files.createLink(target, tmp); // fails if the name is taken: never over another file
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, target); // no hard links here: still refuses an existing file
                }
                return;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
