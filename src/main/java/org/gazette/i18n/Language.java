package org.gazette.i18n;

import java.util.Locale;

/** A language the site is published in: its code (zh, en), its own name, and the locale that formats its dates and numbers. */
public record Language(String code, String name, Locale locale) {

    /** The BCP 47 tag for {@code lang} and {@code hreflang} attributes (zh-CN, en-GB). */
    public String tag() {
        return locale.toLanguageTag();
    }
}
