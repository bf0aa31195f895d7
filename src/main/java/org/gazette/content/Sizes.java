package org.gazette.content;

import java.util.regex.Pattern;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;

/**
 * Markdown that flexmark reads in time that grows with the square of its size, refused before the
 * parser sees it. Measured on flexmark 0.64.8 (README, "Limits"): a table of 4,000 rows takes
 * 0.14 s, 8,000 rows 0.45 s, 16,000 rows 3.2 s; a paragraph of 2,300 links 0.6 s, 9,100 links
 * 4.8 s (the same for unclosed {@code [a](} and reference links {@code [a][b]}). The limits sit
 * well below where it turns: 2,000 rows in one table (0.09 s) and 2,000 links in one text
 * (under 0.5 s even in a single paragraph) — far beyond any press text.
 */
final class Sizes {

    static final int MAX_TABLE_ROWS = 2_000;
    static final int MAX_LINKS = 2_000;

    /** What is too large, where (line and column within the text), and what to do. */
    record TooLarge(int line, int column, Message message, Message hint) {}

    /** A table's delimiter row: | --- | :--: | (pipes at the ends optional). */
    private static final Pattern DELIMITER = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

    private Sizes() {}

    /** The first limit {@code text} goes past, or null. */
    static TooLarge scan(String text) {
        int line = 0;
        int links = 0;
        int blockStart = 0;
        boolean table = false;
        int rows = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            line++;
            boolean blank = text.substring(pos, end).isBlank();
            if (blank) {
                blockStart = 0;
                table = false;
            } else {
                if (blockStart == 0) {
                    blockStart = line;
                    rows = 0;
                }
                if (line == blockStart + 1 && text.indexOf('|', pos) >= 0 && text.indexOf('|', pos) < end
                        && DELIMITER.matcher(text.substring(pos, end)).matches()) {
                    table = true;
                }
                if (table && ++rows > MAX_TABLE_ROWS + 1) {
                    String most = String.format(java.util.Locale.ROOT, "%,d", MAX_TABLE_ROWS);
                    return new TooLarge(line, 1, Msg.TABLE_TOO_LONG.with(most), Msg.TABLE_TOO_LONG_FIX.with());
                }
                for (int i = text.indexOf(']', pos); i >= 0 && i + 1 < end; i = text.indexOf(']', i + 1)) {
                    char next = text.charAt(i + 1);
                    if ((next == '(' || next == '[') && ++links > MAX_LINKS) {
                        String most = String.format(java.util.Locale.ROOT, "%,d", MAX_LINKS);
                        return new TooLarge(line, i - pos + 1, Msg.TOO_MANY_LINKS.with(most), Msg.TOO_MANY_LINKS_FIX.with());
                    }
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return null;
    }
}
