package org.gazette.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request path as a path inside the site ({@code zh/2017/index.html}), or null when it is not
 * one: decoded once (so {@code %252e} stays a literal "%2e", never a dot), and refused when it has
 * an encoded slash or backslash, a backslash, NUL or another control character, invalid UTF-8,
 * or a {@code .} or {@code ..} segment, in any encoding.
 */
public final class SitePath {

    private SitePath() {}

    public static String of(String raw) {
        if (raw == null || !raw.startsWith("/")) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                int b = hi * 16 + lo;
                if (b == '/' || b == '\\') return null; // an encoded separator hides a segment boundary
                bytes.write(b);
                i += 2;
            } else if (c > 0x7f) {
                return null; // a raw non-ASCII character: browsers always encode them
            } else {
                bytes.write(c);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') return null;
        }
        String rest = path.substring(1);
        String[] segments = rest.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) return null;
            // An empty segment ("//") other than the end of a folder's path: "//secret.txt" would be an absolute path.
            if (segment.isEmpty() && i < segments.length - 1) return null;
        }
        return rest;
    }
}
