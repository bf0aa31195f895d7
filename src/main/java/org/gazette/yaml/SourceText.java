package org.gazette.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;

/**
 * A text file as the user saved it, decoded strictly as UTF-8. A byte-order mark and
 * CRLF line endings are accepted silently; anything that is not UTF-8 is refused with
 * the line where it goes wrong, never turned into mojibake.
 */
public record SourceText(String file, String text) {

    /** Larger files are refused: content is hand-written, a 5 MB file is a mistake. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Longer lines are refused: no paragraph is 64K characters long, pasted data is. */
    public static final int MAX_LINE = 65_536;

    public static SourceText read(Path path, String displayName) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new GazetteException(Position.of(displayName).error(
                        Msg.FILE_TOO_LARGE.with(size / 1024, MAX_BYTES / 1024 / 1024), Msg.FILE_TOO_LARGE_FIX.with()));
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new GazetteException(Position.of(displayName).error(
                    Msg.CANNOT_READ_FILE.with(Msg.reason(e)), Msg.CHECK_READABLE.with()));
        }
        return decode(bytes, displayName);
    }

    public static SourceText decode(byte[] bytes, String displayName) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new GazetteException(notUtf8(bytes, start, displayName));
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (text.length() > MAX_LINE) checkLineLengths(text, displayName);
        checkCharacters(text, displayName);
        return new SourceText(displayName, text);
    }

    /**
     * Refuses characters no page, feed or PDF can carry: those XML 1.0 does not allow (controls other
     * than tab and newline, U+FFFE, U+FFFF), the other noncharacters, and the C1 controls (invisible,
     * and some of them commands to a terminal). They come with text pasted from PDFs or old systems;
     * left in, one of them makes a whole language's feed unreadable.
     */
    static void checkCharacters(String text, String displayName) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                int line = 1;
                int lineStart = 0;
                for (int k = 0; k < i; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                int column = text.codePointCount(lineStart, i) + 1;
                String code = String.format(java.util.Locale.ROOT, "U+%04X", c);
                throw new GazetteException(new Position(displayName, line, column).error(
                        Msg.CONTROL_CHARACTER.with(code), Msg.CONTROL_CHARACTER_FIX.with()));
            }
            i += Character.charCount(c);
        }
    }

    /** Whether {@code c} may stand in a content or template file. */
    public static boolean allowed(int c) {
        if (c < 0x20) return c == '\t' || c == '\n';
        if (c >= 0x7F && c <= 0x9F) return false; // DEL and the C1 controls
        if (c >= 0xFDD0 && c <= 0xFDEF) return false;
        if ((c & 0xFFFE) == 0xFFFE) return false; // U+FFFE, U+FFFF and their like in every plane
        return !(c >= 0xD800 && c <= 0xDFFF);
    }

    private static void checkLineLengths(String text, String displayName) {
        int line = 1;
        for (int start = 0; start <= text.length(); line++) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end - start > MAX_LINE) {
                throw new GazetteException(new Position(displayName, line, MAX_LINE + 1).error(
                        Msg.LINE_TOO_LONG.with(line, String.format(java.util.Locale.ROOT, "%,d", end - start), String.format(java.util.Locale.ROOT, "%,d", MAX_LINE)),
                        displayName.endsWith(".md") ? Msg.LINE_TOO_LONG_TEXT_FIX.with() : Msg.LINE_TOO_LONG_VALUE_FIX.with()));
            }
            if (nl < 0) break;
            start = nl + 1;
        }
    }

    private static Problem notUtf8(byte[] bytes, int start, String displayName) {
        int bad = firstInvalidUtf8(bytes, start);
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        boolean gb = decodes(bytes, start, Charset.forName("GB18030"));
        var what = gb ? Msg.NOT_UTF8_GBK.with() : Msg.NOT_UTF8.with(String.format("%02X", bytes[bad] & 0xFF));
        return new Position(displayName, line, column).error(what, Msg.NOT_UTF8_FIX.with());
    }

    private static boolean decodes(byte[] bytes, int start, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Index of the first byte that starts an invalid UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            if (c < 0x80) n = 0;
            else if (c >= 0xC2 && c <= 0xDF) n = 1;
            else if (c >= 0xE0 && c <= 0xEF) n = 2;
            else if (c >= 0xF0 && c <= 0xF4) n = 3;
            else return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
            }
            i += n + 1;
        }
        return Math.max(from, b.length - 1);
    }
}
