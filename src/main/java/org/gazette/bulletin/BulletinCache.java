package org.gazette.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;

/**
 * Finished bulletins kept between runs, named by what they were made from. Laying out and painting
 * a bulletin is most of a small site's build, yet a year's report changes far less often than its
 * news: a bulletin whose XHTML, metadata, attached sources, fonts, images and Gazette itself are
 * the same as last time is the same PDF, byte for byte (builds are deterministic), so it is taken
 * from here instead of painted again.
 *
 * <p>A cache, not a second way of rendering: an entry is only ever what {@link Bulletins} painted,
 * found by a SHA-256 of everything the painting reads ({@link Key}); the files the renderer read
 * while painting (images) are recorded with their own SHA-256 and read again on every lookup, so an
 * image edited in place is noticed. An entry that does not read back whole is ignored and replaced.
 * Any failure to read or write the folder only means painting again; it never fails a build.
 *
 * <p>Trust: an entry is a program's output that the next build publishes, so it must come from this
 * user. Entries live in Gazette's own subfolder ({@value #OWN}) of the cache folder, each sealed
 * with an HMAC-SHA256 under a random key only this user can read ({@code key}, 0600, made on first
 * use); an entry is used only when it is a regular file (not a link) owned by this user and its
 * seal holds. A cache folder (or subfolder) that is a link, belongs to another user, or that group
 * or others can write is not used at all ({@link #unsafe()} says why, once): bulletins are painted.
 * Gazette deletes only files it named ({@code <sha-256>.bulletin}, {@code <sha-256><digits>.tmp})
 * in its own subfolder — never anything else in a folder it was pointed at.
 *
 * <p>The folder is the user's cache folder ({@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux,
 * {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows), {@code gazette/bulletins}
 * under it; {@code GAZETTE_CACHE} names another folder, or {@code off}. Entries unused for
 * {@value #KEEP_DAYS} days are removed, and the oldest beyond {@value #MAX_MEGABYTES} MB.
 */
public final class BulletinCache {

    static final int KEEP_DAYS = 60;
    static final int MAX_MEGABYTES = 300;
    private static final int MAGIC = 0x475a4232; // "GZB2"
    private static final String SUFFIX = ".bulletin";
    /** Gazette's own subfolder of the cache folder: the only place it writes or deletes. */
    static final String OWN = "gazette-entries";
    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.bulletin");
    private static final java.util.regex.Pattern TEMP = java.util.regex.Pattern.compile("[0-9a-f]{64}[0-9]+\\.tmp");

    /** A finished bulletin as kept: the PDF and how the final XHTML was made (table of contents, distribution offset). */
    public record Entry(BulletinRenderer.Result result, boolean toc, int distributionOffset) {}

    /** The folder named by the user (or the default), and Gazette's own subfolder in it. */
    private final Path root;
    private final Path folder;
    /** The sealing key, once opened; null until then or when the cache cannot be used. */
    private byte[] key;
    private boolean opened;
    private Message unsafe;

    private BulletinCache(Path root) {
        this.root = root;
        this.folder = root.resolve(OWN);
    }

    /** A cache in {@code folder} (made when first written). */
    public static BulletinCache in(Path folder) {
        return new BulletinCache(folder);
    }

    /**
     * The cache the command line uses: {@code setting} (the {@code gazette.cache} property, else
     * the {@code GAZETTE_CACHE} variable) names a folder or is {@code off}; unset, the user's cache
     * folder. Null when off or when no folder can be found.
     */
    public static Path folder(String setting, Map<String, String> env, String os, String home) {
        if (setting != null && !setting.isBlank()) {
            return setting.trim().equalsIgnoreCase("off") ? null : Path.of(setting.trim());
        }
        String base;
        if (os.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            base = env.get("LOCALAPPDATA");
        } else if (os.toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            base = home == null ? null : home + "/Library/Caches";
        } else {
            base = env.get("XDG_CACHE_HOME");
            if ((base == null || base.isBlank()) && home != null) base = home + "/.cache";
        }
        if (base == null || base.isBlank()) return null;
        return Path.of(base, "gazette", "bulletins");
    }

    /** The command line's cache folder on this machine, or null (see {@link #folder(String, Map, String, String)}). */
    public static Path configuredFolder() {
        String setting = System.getProperty("gazette.cache", System.getenv("GAZETTE_CACHE"));
        return folder(setting, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /**
     * Why the cache folder is not used, when another user could change what it holds (a link, another
     * owner, writable by group or others); null when it is used or simply cannot be made (then
     * bulletins are painted without a word).
     */
    public synchronized Message unsafe() {
        open();
        return unsafe;
    }

    /** Makes or checks the folders and the key, once; afterwards {@link #key} is set if the cache may be used. */
    private synchronized byte[] open() {
        if (opened) return key;
        opened = true;
        try {
            boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(root);
            if ((unsafe = unsafeFolder(root, posix)) != null) return null;
            if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (posix) Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                    else Files.createDirectory(folder);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by another run at the same moment: checked below like any other
                }
            }
            if ((unsafe = unsafeFolder(folder, posix)) != null) return null;
            key = key(folder.resolve("key"), posix);
            return key;
        } catch (IOException | RuntimeException e) {
            return null; // a cache that cannot be made only means painting
        }
    }

    /** Why {@code dir} cannot be trusted, or null. */
    private static Message unsafeFolder(Path dir, boolean posix) throws IOException {
        var attrs = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) return Msg.CACHE_LINK.with(dir);
        if (!attrs.isDirectory()) throw new IOException(dir + " is not a folder"); // cannot be used: painting, without a word
        if (!posix) return null;
        var posixAttrs = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!posixAttrs.owner().equals(me(dir))) return Msg.CACHE_OWNER.with(dir, posixAttrs.owner().getName());
        var perms = posixAttrs.permissions();
        if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE) || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
            return Msg.CACHE_WRITABLE.with(dir, java.nio.file.attribute.PosixFilePermissions.toString(perms));
        }
        return null;
    }

    /** The user this process runs as, as the file system names owners. */
    private static java.nio.file.attribute.UserPrincipal me(Path on) throws IOException {
        return on.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }

    /** This user's sealing key: 32 random bytes in a file only they can read, made on first use. */
    private static byte[] key(Path file, boolean posix) throws IOException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            byte[] fresh = new byte[32];
            new java.security.SecureRandom().nextBytes(fresh);
            // A temporary file is created readable by its owner only (rw------- on POSIX), as the check below requires.
            Path tmp = Files.createTempFile(file.getParent(), "key", ".new");
            try {
                Files.write(tmp, fresh);
                try {
                    Files.createLink(file, tmp); // never replaces a key another run made meanwhile
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // that one is used
                } catch (UnsupportedOperationException | IOException e) {
                    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.move(tmp, file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile() || attrs.size() != 32) throw new IOException("not a key");
        if (posix) {
            var p = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!p.owner().equals(me(file))) throw new IOException("not my key");
            for (var perm : p.permissions()) {
                if (perm != java.nio.file.attribute.PosixFilePermission.OWNER_READ && perm != java.nio.file.attribute.PosixFilePermission.OWNER_WRITE) {
                    throw new IOException("a key others can read");
                }
            }
        }
        return Files.readAllBytes(file);
    }

    /** The HMAC-SHA256 of {@code body} under this user's key. */
    private static byte[] seal(byte[] key, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code file} is a regular file of this user's (not a link). */
    private static boolean mine(Path file) throws IOException {
        var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) return false;
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return true;
        return Files.getOwner(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(me(file));
    }

    /** What a bulletin is made from, hashed: build one per bulletin with every input, in a fixed order. */
    public static final class Key {
        private final MessageDigest digest = sha256();
        private String hex;

        public Key add(String s) {
            return add(s == null ? new byte[] {-1} : s.getBytes(StandardCharsets.UTF_8));
        }

        public Key add(byte[] bytes) {
            if (hex != null) throw new IllegalStateException("the key is already made");
            long n = bytes.length;
            for (int i = 0; i < 8; i++) digest.update((byte) (n >>> (8 * i)));
            digest.update(bytes);
            return this;
        }

        /** The key's name: SHA-256 of all that was added, in hex. Nothing can be added after. */
        String hex() {
            if (hex == null) hex = HexFormat.of().formatHex(digest.digest());
            return hex;
        }
    }

    /** The entry made from {@code key}, when the files it read are unchanged; null otherwise. */
    public Entry find(Key key) {
        String name = key.hex();
        byte[] secret = open();
        if (secret == null) return null;
        Path file = folder.resolve(name + SUFFIX);
        byte[] bytes;
        try {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !mine(file)) return null;
            try (var in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            return null;
        }
        try {
            if (bytes.length < 32) return null;
            byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
            if (!MessageDigest.isEqual(seal(secret, body), Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length))) return null;
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
            if (in.readInt() != MAGIC || !in.readUTF().equals(name)) return null;
            int pages = in.readInt();
            boolean toc = in.readBoolean();
            int offset = in.readInt();
            List<String> refused = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) refused.add(in.readUTF());
            for (int i = in.readInt(); i > 0; i--) {
                Path read = Path.of(in.readUTF());
                byte[] hash = in.readNBytes(32);
                if (!Files.isRegularFile(read) || !MessageDigest.isEqual(hash, sha256().digest(Files.readAllBytes(read)))) return null;
            }
            byte[] pdf = in.readNBytes(in.readInt());
            touch(file);
            return new Entry(new BulletinRenderer.Result(pdf, pages, List.copyOf(refused)), toc, offset);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged entry: painted again and replaced
        }
    }

    /**
     * Keeps what {@code key} made: the entry, and the files the renderer read for it (absolute
     * paths) with the SHA-256 of what they hold now. A file changed since {@code paintedFrom} (the
     * moment painting began, in milliseconds; with two seconds' room for coarse file times) may
     * differ from what was painted: then nothing is kept, and the next run paints again.
     */
    public void put(Key key, Entry entry, List<Path> read, long paintedFrom) {
        String name = key.hex();
        byte[] secret = open();
        if (secret == null) return;
        try {
            for (Path p : read) {
                if (Files.getLastModifiedTime(p).toMillis() >= paintedFrom - 2000) return;
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(entry.result().pdf().length + 1024);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeUTF(name);
            out.writeInt(entry.result().pages());
            out.writeBoolean(entry.toc());
            out.writeInt(entry.distributionOffset());
            out.writeInt(entry.result().refused().size());
            for (String r : entry.result().refused()) out.writeUTF(r);
            out.writeInt(read.size());
            for (Path p : read) {
                out.writeUTF(p.toString());
                out.write(sha256().digest(Files.readAllBytes(p)));
            }
            out.writeInt(entry.result().pdf().length);
            out.write(entry.result().pdf());
            out.flush();
            byte[] body = buffer.toByteArray();
            Path tmp = Files.createTempFile(folder, name, ".tmp");
            try {
                Files.write(tmp, body);
                Files.write(tmp, seal(secret, body), java.nio.file.StandardOpenOption.APPEND);
                try {
                    Files.move(tmp, folder.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, folder.resolve(name + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only means painting again next time.
        }
    }

    /** Removes entries unused for {@value #KEEP_DAYS} days, then the oldest beyond {@value #MAX_MEGABYTES} MB, and stray temporary files. */
    void prune() throws IOException {
        long now = System.currentTimeMillis();
        record Kept(Path path, long used, long size) {}
        List<Kept> kept = new ArrayList<>();
        if (open() == null) return;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
            for (Path p : all) {
                String n = p.getFileName().toString();
                // Only what Gazette names and makes, as this user, in its own folder: nothing else is ever deleted.
                boolean entry = ENTRY.matcher(n).matches();
                if (!(entry || TEMP.matcher(n).matches()) || !mine(p)) continue;
                long used = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis();
                if (!entry) {
                    if (now - used > 86_400_000L) Files.deleteIfExists(p);
                    continue;
                }
                if (now - used > KEEP_DAYS * 86_400_000L) Files.deleteIfExists(p);
                else kept.add(new Kept(p, used, Files.size(p)));
            }
        }
        long total = kept.stream().mapToLong(Kept::size).sum();
        kept.sort(java.util.Comparator.comparingLong(Kept::used));
        for (Kept k : kept) {
            if (total <= MAX_MEGABYTES * 1024L * 1024L) break;
            Files.deleteIfExists(k.path());
            total -= k.size();
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still serves
        }
    }

    /**
     * What Gazette itself is, for the key: the Java runtime and every entry of the class path (its
     * size and time; a folder of classes by its newest file). A new jar, new libraries or another
     * JDK give new keys. Computed once.
     */
    static String code() {
        String c = code;
        if (c == null) code = c = computeCode();
        return c;
    }

    private static volatile String code;

    private static String computeCode() {
        StringBuilder sb = new StringBuilder(System.getProperty("java.vm.vendor", "")).append(' ').append(System.getProperty("java.vm.version", ""));
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry);
            sb.append('\n').append(p.toAbsolutePath());
            try {
                if (Files.isDirectory(p)) {
                    try (var s = Files.walk(p)) {
                        long[] newest = {0, 0};
                        s.filter(Files::isRegularFile).forEach(f -> {
                            try {
                                newest[0] = Math.max(newest[0], Files.getLastModifiedTime(f).toMillis());
                                newest[1] += Files.size(f);
                            } catch (IOException e) {
                                newest[1] = -1;
                            }
                        });
                        sb.append(' ').append(newest[0]).append(' ').append(newest[1]);
                    }
                } else if (Files.exists(p)) {
                    sb.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException | RuntimeException e) {
                sb.append(" ?");
            }
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
