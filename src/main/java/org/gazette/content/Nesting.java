package org.gazette.content;

/**
 * Finds Markdown nested deeper than anything a press text needs, before the parser sees it: quote
 * markers and list markers stacked on a line ({@code >>>>…}, {@code - - - …}, deep indentation) and
 * runs of emphasis markers that open and close ({@code ****…x****…}). flexmark's parser and every
 * writer of its tree recurse once per level, so 20,000 levels overflow the stack (and stacked list
 * markers take quadratic time); the text is refused with its position instead.
 */
final class Nesting {

    /** More levels than any real text: a quote in a list in a quote is three. */
    static final int MAX = 32;

    /** Where a text nests too deep: the line and column (1-based, within the text given), the depth, and what nests. */
    record Deep(int line, int column, int depth, String what) {
        boolean emphasis() {
            return what.startsWith("emphasis");
        }
    }

    private Nesting() {}

    /** The first place {@code text} nests deeper than {@link #MAX}, or null. */
    static Deep scan(String text) {
        int line = 0;
        int pos = 0;
        char fence = 0;
        // Per paragraph: the first long run of '*' and of '_' (emphasis needs an opening and a closing run).
        int[] openLen = new int[2];
        int[] openLine = new int[2];
        int[] openCol = new int[2];
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            line++;
            int indent = 0;
            int i = pos;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                indent += text.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            char first = i < end ? text.charAt(i) : 0;
            if (indent < 4 && (first == '`' || first == '~') && run(text, i, end, first) >= 3) {
                fence = fence == 0 ? first : (fence == first ? 0 : fence);
            } else if (fence == 0) {
                if (i == end) {
                    openLen[0] = openLen[1] = 0; // a blank line ends the paragraph
                } else if (!thematicBreak(text, i, end)) {
                    Deep d = containers(text, pos, end, line);
                    if (d != null) return d;
                    d = emphasis(text, pos, end, line, openLen, openLine, openCol);
                    if (d != null) return d;
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return null;
    }

    /** Quote and list markers at the start of the line, plus indentation before a list marker (two spaces a level). */
    private static Deep containers(String text, int start, int end, int line) {
        int depth = 0;
        int spaces = 0;
        boolean marker = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                if (depth == 0) spaces += c == ' ' ? 1 : 4; // indentation before the first marker
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == end || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                depth++;
                marker = true;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
                if (j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                        && (j + 1 == end || text.charAt(j + 1) == ' ' || text.charAt(j + 1) == '\t')) {
                    depth++;
                    marker = true;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (marker) depth += spaces / 2;
        return depth > MAX ? new Deep(line, 1, depth, "quote or list") : null;
    }

    private static Deep emphasis(String text, int start, int end, int line, int[] openLen, int[] openLine, int[] openCol) {
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            int k = c == '*' ? 0 : c == '_' ? 1 : -1;
            if (k < 0) {
                i++;
                continue;
            }
            int n = run(text, i, end, c);
            if (n > 2 * MAX) {
                if (openLen[k] == 0) {
                    openLen[k] = n;
                    openLine[k] = line;
                    openCol[k] = i - start + 1;
                } else {
                    return new Deep(openLine[k], openCol[k], Math.min(openLen[k], n) / 2, "emphasis '" + c + "'");
                }
            }
            i += n;
        }
        return null;
    }

    /** A line of three or more '-', '*' or '_' (and spaces) only: a rule, not nesting. */
    private static boolean thematicBreak(String text, int i, int end) {
        char c = text.charAt(i);
        if (c != '-' && c != '*' && c != '_') return false;
        int count = 0;
        for (int j = i; j < end; j++) {
            char d = text.charAt(j);
            if (d == c) count++;
            else if (d != ' ' && d != '\t' && d != '\r') return false;
        }
        return count >= 3;
    }

    private static int run(String text, int i, int end, char c) {
        int j = i;
        while (j < end && text.charAt(j) == c) j++;
        return j - i;
    }
}
