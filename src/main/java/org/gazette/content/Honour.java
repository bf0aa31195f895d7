package org.gazette.content;

import java.util.List;

import org.gazette.i18n.Localized;

/** An honour won in the year by the district or one of its units. */
public record Honour(Localized holder, Localized title, String level, String field) {

    public static final List<String> LEVELS = List.of("national", "provincial", "city", "district");
}
