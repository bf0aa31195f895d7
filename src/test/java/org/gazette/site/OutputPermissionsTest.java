package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published folder can be served in place by a web server running as another user: the output
 * root, its folders and files get the permissions the user's umask gives any new folder or file
 * (0755 / 0644 under umask 022), never a temporary folder's private 0700.
 */
class OutputPermissionsTest {

    /**
     * One test, three builds in child processes; the first paints the bulletins, the others take them
     * from its bulletin cache (files written from the cache get the same modes as painted ones).
     */
    @Test
    void outputFollowsTheUmaskAndARebuildKeepsIt(@TempDir Path tmp) throws Exception {
        Path site = build(tmp.resolve("site-022"), "022");
        assertModes(site, "rwxr-xr-x", "rw-r--r--");
        assertModes(build(tmp.resolve("site-027"), "027"), "rwxr-x---", "rw-r-----");
        // The rebuild replaces site-022 as a whole: the new root and everything in it get the same modes.
        assertModes(build(site, "022"), "rwxr-xr-x", "rw-r--r--");
    }

    static void assertModes(Path out, String dirMode, String fileMode) throws Exception {
        TreeMap<String, String> wrong = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                String expected = Files.isDirectory(p) ? dirMode : fileMode;
                if (!mode.equals(expected)) wrong.put(out.relativize(p).toString(), mode);
            }
        }
        assertEquals(new TreeMap<>(), wrong, "modes other than " + dirMode + " / " + fileMode);
    }

    static Path build(Path out, String umask) throws Exception {
        Path log = out.resolveSibling(out.getFileName() + ".log");
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        Path cache = out.getParent().resolve("bulletin-cache");
        cmd.addAll(org.gazette.TestSites.gazetteCommand(List.of("-Dgazette.cache=" + cache), "build", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(log));
        return out;
    }
}
