package org.gazette.search;

/** What {@link PageText} reads from a page, for tests in other packages: {title, text}, or null when the page is not marked. */
public final class PageTextProbe {

    private PageTextProbe() {}

    public static String[] read(byte[] html) {
        PageText t = PageText.of(html);
        return t == null ? null : new String[] {t.title(), t.text()};
    }
}
