package org.gazette.content;

import java.util.List;

import org.gazette.i18n.Localized;

/** A category of commendation given at the meeting, for units, individuals or both, with the names honoured where known. */
public record Commendation(Localized category, String recipients, List<Localized> names) {

    public static final List<String> RECIPIENTS = List.of("units", "individuals", "units-and-individuals");

    public Commendation {
        names = List.copyOf(names);
    }
}
