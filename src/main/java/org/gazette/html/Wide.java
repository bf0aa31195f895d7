package org.gazette.html;

/**
 * Characters set without spaces between them in Chinese and Japanese text: Han, kana, bopomofo,
 * and the full-width punctuation and quotes set with them. A line break between two of them is no
 * space (Markdown's soft breaks, the pages' text as the search reads it).
 */
public final class Wide {

    private Wide() {}

    public static boolean is(int c) {
        if (c < 0) return false;
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        if (block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS) {
            return true;
        }
        if (c >= 0xFF01 && c <= 0xFF60) return true; // full-width forms: （），：；！？ and full-width letters
        return c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019' || c == '\u2026' || c == '\u2014' || c == '\u00B7';
    }
}
